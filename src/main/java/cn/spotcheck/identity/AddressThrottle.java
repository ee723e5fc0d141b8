package cn.spotcheck.identity;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.spotcheck.calendar.BureauTime;

/**
 * Login throttling per address, beside the identity service's per user: one address guessing many users' passwords
 * is stopped too. Every entrance that takes a password counts (the login page, HTTP Basic on the API and the engine
 * REST API, the webapps' login); an address with {@code maxFailures} failures within {@code window} is refused, even
 * with a right password, until its oldest failure leaves the window. The count lives in the database, so every node
 * of a cluster sees the same. Behind the reverse proxy the address is the client's (X-Forwarded-For).
 */
class AddressThrottle extends OncePerRequestFilter {

    private static final Pattern WEBAPP_LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/[^/]+$");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final JdbcTemplate jdbc;
    private final int maxFailures;
    private final Duration window;
    private final Set<String> exempt;

    AddressThrottle(JdbcTemplate jdbc, int maxFailures, Duration window, Set<String> exempt) {
        this.jdbc = jdbc;
        this.maxFailures = maxFailures;
        this.window = window;
        this.exempt = exempt;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !takesAPassword(request) || exempt.contains(request.getRemoteAddr());
    }

    private static boolean takesAPassword(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && ("/login".equals(path) || WEBAPP_LOGIN.matcher(path).matches());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        Instant now = BureauTime.now();
        Optional<Instant> blockedUntil = blockedUntil(address, now);
        if (blockedUntil.isPresent()) {
            String message = "该地址登录失败次数过多，已暂停从此地址登录，请于 "
                    + LocalTime.ofInstant(blockedUntil.get(), BureauTime.ZONE).format(CLOCK) + " 后再试";
            if ("/login".equals(request.getRequestURI().substring(request.getContextPath().length()))) {
                request.getSession().setAttribute(SecurityConfiguration.LOCK_MESSAGE, message);
                response.sendRedirect(request.getContextPath() + "/login?locked");
            } else {
                JsonAuthenticationFailures.write(response, 429, message);
            }
            return;
        }
        Outcome outcome = new Outcome(response);
        chain.doFilter(request, outcome);
        if (outcome.failed() && outcome.getStatus() != HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
            jdbc.update("insert into spotcheck.login_failure (address, at) values (?, ?)", address, Timestamp.from(now));
            jdbc.update("delete from spotcheck.login_failure where address = ? and at < ?", address,
                    Timestamp.from(now.minus(window.multipliedBy(2))));
        }
    }

    /** When the address may try again, if it may not now: the moment its oldest counted failure leaves the window. */
    private Optional<Instant> blockedUntil(String address, Instant now) {
        List<Timestamp> recent;
        try {
            recent = jdbc.queryForList("select at from spotcheck.login_failure where address = ? and at > ? order by at desc limit ?",
                    Timestamp.class, address, Timestamp.from(now.minus(window)), maxFailures);
        } catch (DataAccessException e) {
            // The database is away: the login cannot be checked either, and is answered as such; nothing to count.
            return Optional.empty();
        }
        return recent.size() < maxFailures ? Optional.empty() : Optional.of(recent.get(recent.size() - 1).toInstant().plus(window));
    }

    /** The answer as it leaves: a 401, or the login page sending back to itself with an error, is a failed login. */
    private static final class Outcome extends HttpServletResponseWrapper {
        private boolean failed;

        Outcome(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            failed |= location.contains("/login?error") || location.contains("/login?locked");
            super.sendRedirect(location);
        }

        boolean failed() {
            return failed || getStatus() == HttpServletResponse.SC_UNAUTHORIZED;
        }
    }
}
