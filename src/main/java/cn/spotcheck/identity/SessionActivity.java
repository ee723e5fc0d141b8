package cn.spotcheck.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * The sessions in the database, with their last access written at most once a {@link #RESOLUTION} instead of at every
 * request. Spring Session marks a session changed whenever a request touches it, so each of an officer's clicks in
 * Tasklist (half a dozen requests a screen) rewrote the session's row. A session still expires after its idle time,
 * measured from a moment at most a minute before its last request: half an hour becomes 29 to 30 minutes.
 */
final class SessionActivity implements SessionRepository<SessionActivity.Touched>, DisposableBean {

    static final Duration RESOLUTION = Duration.ofMinutes(1);

    private final SessionRepository<Session> sessions;

    /** Spring Session's own repository, whose session type is not public: saved back as the session it gave. */
    @SuppressWarnings("unchecked")
    SessionActivity(SessionRepository<? extends Session> sessions) {
        this.sessions = (SessionRepository<Session>) sessions;
    }

    /** Stands for the repository as a bean: its expired-session cleanup stops with the application. */
    @Override
    public void destroy() throws Exception {
        if (sessions instanceof DisposableBean repository) {
            repository.destroy();
        }
    }

    @Override
    public Touched createSession() {
        return new Touched(sessions.createSession());
    }

    @Override
    public void save(Touched session) {
        sessions.save(session.session);
    }

    @Override
    public Touched findById(String id) {
        Session found = sessions.findById(id);
        return found == null ? null : new Touched(found);
    }

    @Override
    public void deleteById(String id) {
        sessions.deleteById(id);
    }

    static final class Touched implements Session {
        private final Session session;

        Touched(Session session) {
            this.session = session;
        }

        /** Within the resolution of the time already kept, nothing to write. */
        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (Duration.between(session.getLastAccessedTime(), lastAccessedTime).compareTo(RESOLUTION) >= 0
                    || lastAccessedTime.isBefore(session.getLastAccessedTime())) {
                session.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public String changeSessionId() {
            return session.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return session.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return session.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            session.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            session.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return session.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return session.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            session.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return session.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return session.isExpired();
        }
    }
}
