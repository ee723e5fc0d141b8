package cn.spotcheck.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * HTTP Basic for {@code /engine-rest}, as Camunda's own filter does it (the password checked by the identity service;
 * not again while the account is unchanged: {@link BasicLogins}), with two more costs of every request taken out: the
 * engine is the one at hand instead of looked up through the class path's service files, and the caller's groups and
 * tenants are one plain query each instead of the engine's group and tenant queries. In profiles of a province's year
 * the lookups were about a twentieth of each request's time, and the password check another.
 */
class EngineRestAuthentication extends ProcessEngineAuthenticationFilter {

    private final ProcessEngine engine;
    private final JdbcTemplate jdbc;
    private final CamundaIdentityAuthenticationProvider accounts;

    EngineRestAuthentication(ProcessEngine engine, JdbcTemplate jdbc, CamundaIdentityAuthenticationProvider accounts) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        authenticationProvider = new BasicLogins(jdbc);
    }

    /**
     * Camunda's filter answers a refused login with a bare 401; the caller is told why, in Chinese, as on the
     * platform's own API: no credentials, a wrong password, or an account waiting out its failed logins (which the
     * right password does not get through either).
     */
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        boolean[] admitted = {false};
        super.doFilter(request, response, (req, res) -> {
            admitted[0] = true;
            chain.doFilter(req, res);
        });
        if (!admitted[0] && response instanceof HttpServletResponse http && http.getStatus() == HttpServletResponse.SC_UNAUTHORIZED
                && !http.isCommitted()) {
            String user = basicUser((HttpServletRequest) request);
            String locked = null;
            try {
                locked = user == null ? null : accounts.lockOf(user);
            } catch (RuntimeException e) {
                // The refusal stands; only its reason could not be read.
            }
            EngineGuard.refuse(http, HttpServletResponse.SC_UNAUTHORIZED, "AuthenticationException",
                    user == null ? JsonAuthenticationFailures.NO_CREDENTIALS
                            : locked != null ? locked : CamundaIdentityAuthenticationProvider.WRONG_PASSWORD, null);
        }
    }

    private static String basicUser(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon > 0 ? decoded.substring(0, colon) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    protected ProcessEngine getAddressedEngine(String engineName) {
        return engine.getName().equals(engineName) ? engine : super.getAddressedEngine(engineName);
    }

    @Override
    protected List<String> getGroupsOfUser(ProcessEngine engine, String userId) {
        return jdbc.queryForList("select group_id_ from act_id_membership where user_id_ = ? order by group_id_", String.class, userId);
    }

    @Override
    protected List<String> getTenantsOfUser(ProcessEngine engine, String userId) {
        return jdbc.queryForList("""
                select distinct tenant_id_ from act_id_tenant_member
                where user_id_ = ? or group_id_ in (select group_id_ from act_id_membership where user_id_ = ?)
                order by tenant_id_""", String.class, userId, userId);
    }
}
