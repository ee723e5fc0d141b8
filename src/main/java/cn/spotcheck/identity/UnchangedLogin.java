package cn.spotcheck.identity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Enumeration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's webapps put their login ({@code authenticatedUser}: who, their groups, their apps) back into the session
 * at the end of every request, changed or not. With the sessions in the database, every such put serialised it and
 * rewrote its row: a write for each of Tasklist's reads. Here a put of the very object the request read, whose
 * serialised form has not changed since, writes nothing; a login, a logout or the groups refreshed by the webapps'
 * cache (a new object, or a changed one) are written as before.
 */
final class UnchangedLogin extends OncePerRequestFilter {

    /** The webapps' session attribute (Camunda's {@code AuthenticationUtil}). */
    static final String ATTRIBUTE = "authenticatedUser";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Request(request), response);
    }

    private static final class Request extends HttpServletRequestWrapper {
        private Session session;

        Request(HttpServletRequest request) {
            super(request);
        }

        @Override
        public HttpSession getSession() {
            return getSession(true);
        }

        @Override
        public HttpSession getSession(boolean create) {
            HttpSession current = super.getSession(create);
            if (current == null) {
                return null;
            }
            // A login invalidates the session and begins a new one: the new one is watched afresh.
            if (session == null || session.delegate != current) {
                session = new Session(current);
            }
            return session;
        }
    }

    private static final class Session implements HttpSession {
        private final HttpSession delegate;
        private Object read;
        private byte[] readForm;

        Session(HttpSession delegate) {
            this.delegate = delegate;
        }

        @Override
        public Object getAttribute(String name) {
            Object value = delegate.getAttribute(name);
            if (ATTRIBUTE.equals(name) && value != null && value != read) {
                read = value;
                readForm = serialized(value);
            }
            return value;
        }

        @Override
        public void setAttribute(String name, Object value) {
            if (ATTRIBUTE.equals(name) && value != null && value == read && Arrays.equals(readForm, serialized(value))) {
                return;
            }
            if (ATTRIBUTE.equals(name)) {
                read = null;
                readForm = null;
            }
            delegate.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            if (ATTRIBUTE.equals(name)) {
                read = null;
                readForm = null;
            }
            delegate.removeAttribute(name);
        }

        private static byte[] serialized(Object value) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        @Override
        public long getCreationTime() {
            return delegate.getCreationTime();
        }

        @Override
        public String getId() {
            return delegate.getId();
        }

        @Override
        public long getLastAccessedTime() {
            return delegate.getLastAccessedTime();
        }

        @Override
        public ServletContext getServletContext() {
            return delegate.getServletContext();
        }

        @Override
        public void setMaxInactiveInterval(int interval) {
            delegate.setMaxInactiveInterval(interval);
        }

        @Override
        public int getMaxInactiveInterval() {
            return delegate.getMaxInactiveInterval();
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return delegate.getAttributeNames();
        }

        @Override
        public void invalidate() {
            delegate.invalidate();
        }

        @Override
        public boolean isNew() {
            return delegate.isNew();
        }
    }
}
