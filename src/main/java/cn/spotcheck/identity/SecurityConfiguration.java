package cn.spotcheck.identity;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.PlatformTransactionManager;

import cn.spotcheck.system.TaskForms;

/**
 * Three entrances, three guards. {@code /camunda/**} and {@code /engine-rest/**} are guarded by Camunda itself
 * (the webapps' login, and the engine's Basic filter below), so Spring Security stays out of their way,
 * including CSRF: the webapps bring their own token under the same cookie name Spring would use.
 * {@code /api/**} takes HTTP Basic or the page session; pages take form login; the public site is open.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
class SecurityConfiguration {

    /** The session attribute the login page reads a lockout's message from. */
    static final String LOCK_MESSAGE = "loginLockMessage";

    /**
     * No Micrometer observations of the filter chains, logins and access decisions: the platform exports no metrics,
     * and recording them wrapped every filter of every request (a few per cent of a busy node's time).
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain camundaOwnSecurity(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(under("/camunda", "/engine-rest"))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        JsonAuthenticationFailures failures = new JsonAuthenticationFailures();
        return http
                .securityMatcher(under("/api"))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(failures))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(failures).accessDeniedHandler(failures))
                // A request with credentials of its own (HTTP Basic) cannot be forged by another site once browsers are
                // never challenged for them (BrowserRequests); one that relies on the session cookie needs the token.
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(under("/public", "/actuator/health", "/login", "/error",
                                "/css", "/js", "/img", "/favicon.ico")).permitAll()
                        // The rest of the actuator tells how the platform is built and configured: administrators only.
                        .requestMatchers(under("/actuator")).hasAuthority(Roles.ADMIN)
                        .requestMatchers(request -> "/".equals(pathOf(request))).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll().failureHandler((request, response, e) -> {
                    // A locked account is told so, and until when, on the login page.
                    // So is a login the database could not check, with why.
                    boolean locked = e instanceof org.springframework.security.authentication.LockedException
                            || e instanceof org.springframework.security.authentication.AuthenticationServiceException;
                    if (locked) {
                        request.getSession().setAttribute(LOCK_MESSAGE, e.getMessage());
                    }
                    response.sendRedirect(request.getContextPath() + (locked ? "/login?locked" : "/login?error"));
                }))
                .logout(Customizer.withDefaults())
                .httpBasic(Customizer.withDefaults())
                .build();
    }

    /**
     * Matches a path and everything under it, on the raw request path. The engine REST API is a Jersey servlet
     * beside Spring MVC's, so matchers that work within Spring MVC's servlet mapping do not see it. (The
     * firewall has already refused "..", encoded slashes and the like before any matcher runs.)
     */
    private static RequestMatcher under(String... prefixes) {
        return request -> {
            String path = pathOf(request);
            return Arrays.stream(prefixes).anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
        };
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @Bean
    FilterRegistrationBean<EngineRestAuthentication> engineRestAuthentication(ProcessEngine engine, JdbcTemplate jdbc,
                                                                              CamundaIdentityAuthenticationProvider accounts) {
        FilterRegistrationBean<EngineRestAuthentication> registration =
                new FilterRegistrationBean<>(new EngineRestAuthentication(engine, jdbc, accounts));
        registration.setName("engine-rest-authentication");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }

    /** Before any authentication: foreign origins and Basic challenges to browsers are settled first. */
    @Bean
    FilterRegistrationBean<BrowserRequests> browserRequests() {
        FilterRegistrationBean<BrowserRequests> registration = new FilterRegistrationBean<>(new BrowserRequests());
        registration.setName("browser-requests");
        registration.addUrlPatterns("/api/*", "/engine-rest/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }

    /** Before any authentication, after the proxy's address is known (the connector's, before every filter) and the session. */
    @Bean
    FilterRegistrationBean<AddressThrottle> addressThrottle(JdbcTemplate jdbc,
            @Value("${spotcheck.login.address-max-failures:30}") int maxFailures,
            @Value("${spotcheck.login.address-window:PT10M}") Duration window,
            @Value("${spotcheck.login.address-exempt:}") Set<String> exempt) {
        FilterRegistrationBean<AddressThrottle> registration = new FilterRegistrationBean<>(new AddressThrottle(jdbc, maxFailures, window, exempt));
        registration.setName("address-throttle");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 60); // after Spring Session's filter: it may write the session
        return registration;
    }

    /**
     * What Spring Session's filter keeps the sessions in: its JDBC repository, touched at most once a minute. Wrapped
     * once built rather than declared as a repository of our own, which would switch Spring Boot's JDBC sessions off.
     */
    @Bean
    static BeanPostProcessor sessionActivity() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JdbcIndexedSessionRepository sessions ? new SessionActivity(sessions) : bean;
            }
        };
    }

    /** Between Spring Session's filter (whose session it watches) and the webapps' own, which put their login back. */
    @Bean
    FilterRegistrationBean<UnchangedLogin> unchangedLogin() {
        FilterRegistrationBean<UnchangedLogin> registration = new FilterRegistrationBean<>(new UnchangedLogin());
        registration.setName("unchanged-login");
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 55);
        return registration;
    }

    /** The engine's refusals in Chinese, on both its entrances (the REST API and Tasklist's own). */
    @Bean
    FilterRegistrationBean<EngineRefusalsInChinese> engineRefusalsInChinese() {
        FilterRegistrationBean<EngineRefusalsInChinese> registration = new FilterRegistrationBean<>(new EngineRefusalsInChinese());
        registration.setName("engine-refusals-in-chinese");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 57);
        return registration;
    }

    @Bean
    FilterRegistrationBean<PasswordPolicyGuard> passwordPolicyGuard(IdentityService identityService) {
        FilterRegistrationBean<PasswordPolicyGuard> registration = new FilterRegistrationBean<>(new PasswordPolicyGuard(identityService));
        registration.setName("password-policy-guard");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        registration.setMatchAfter(true);
        return registration;
    }

    /** After the engine REST API's authentication, so that the guard knows who calls (Tasklist's own API: from the webapps' session). */
    @Bean
    FilterRegistrationBean<EngineGuard> engineGuard(TaskService taskService, TaskForms forms, IdentityService identityService,
                                                    List<TaskCompletionRule> rules, EngineTasks engineTasks,
                                                    PlatformTransactionManager transactions) {
        FilterRegistrationBean<EngineGuard> registration = new FilterRegistrationBean<>(
                new EngineGuard(taskService, forms, identityService, rules, engineTasks, transactions));
        registration.setName("engine-guard");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        registration.setMatchAfter(true);
        return registration;
    }
}
