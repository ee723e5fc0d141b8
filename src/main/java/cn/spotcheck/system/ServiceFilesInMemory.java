package cn.spotcheck.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine's REST API finds the engine anew in every resource it makes, several per request, through the class
 * path's service files ({@code META-INF/services}): a search of every jar, then a read of the file found. In a profile
 * of a province's year that was 3 % of the requests' time. For the engine's two entrances (its REST API and
 * Tasklist's), the thread's class loader is, for the request, one that answers service files from memory, read once
 * from the real class loader; everything else it leaves to that one. Service files do not change while the
 * platform runs.
 */
@Configuration(proxyBeanMethods = false)
class ServiceFilesInMemory {

    private static final String SERVICES = "META-INF/services/";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> serviceFilesInMemoryFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter());
        registration.setName("service-files-in-memory");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 18);
        return registration;
    }

    private static final class Filter extends OncePerRequestFilter {

        private final Map<ClassLoader, Loader> loaders = new ConcurrentHashMap<>();

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Thread thread = Thread.currentThread();
            ClassLoader original = thread.getContextClassLoader();
            if (original == null || original instanceof Loader) {
                chain.doFilter(request, response);
                return;
            }
            thread.setContextClassLoader(loaders.computeIfAbsent(original, Loader::new));
            try {
                chain.doFilter(request, response);
            } finally {
                thread.setContextClassLoader(original);
            }
        }
    }

    /** Delegates everything to its parent; keeps the service files' contents. */
    static final class Loader extends ClassLoader {

        private final Map<String, List<URL>> serviceFiles = new ConcurrentHashMap<>();

        Loader(ClassLoader parent) {
            super(parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (!name.startsWith(SERVICES)) {
                return super.getResources(name);
            }
            try {
                return Collections.enumeration(serviceFiles.computeIfAbsent(name, this::readOnce));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }

        private List<URL> readOnce(String name) {
            try {
                List<URL> copies = new ArrayList<>();
                for (URL url : Collections.list(getParent().getResources(name))) {
                    byte[] content;
                    try (InputStream in = url.openStream()) {
                        content = in.readAllBytes();
                    }
                    copies.add(new URL(null, "memory:" + url, new InMemory(url, content)));
                }
                return List.copyOf(copies);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Opens a service file's kept content. */
    private static final class InMemory extends URLStreamHandler {

        private final URL source;
        private final byte[] content;

        InMemory(URL source, byte[] content) {
            this.source = source;
            this.content = content;
        }

        @Override
        protected URLConnection openConnection(URL url) {
            return new URLConnection(source) {
                @Override
                public void connect() {
                    connected = true;
                }

                @Override
                public InputStream getInputStream() {
                    return new ByteArrayInputStream(content);
                }
            };
        }
    }
}
