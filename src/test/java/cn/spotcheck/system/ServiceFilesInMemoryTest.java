package cn.spotcheck.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;
import org.junit.jupiter.api.Test;

/** The engine's REST API finds its engine provider through the kept service files as through the class path. */
class ServiceFilesInMemoryTest {

    @Test
    void theSameProvidersAreFoundAndTheClassPathIsSearchedOnce() {
        AtomicInteger searches = new AtomicInteger();
        ClassLoader classPath = new ClassLoader(getClass().getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                searches.incrementAndGet();
                return super.getResources(name);
            }
        };
        ServiceFilesInMemory.Loader kept = new ServiceFilesInMemory.Loader(classPath);

        List<String> direct = providers(classPath);
        int afterDirect = searches.get();
        List<String> first = providers(kept);
        List<String> second = providers(kept);

        assertThat(direct).isNotEmpty();
        assertThat(first).isEqualTo(direct);
        assertThat(second).isEqualTo(direct);
        assertThat(searches.get() - afterDirect).as("searches of the class path for two lookups").isEqualTo(1);
    }

    private static List<String> providers(ClassLoader loader) {
        return ServiceLoader.load(ProcessEngineProvider.class, loader).stream().map(p -> p.type().getName()).toList();
    }
}
