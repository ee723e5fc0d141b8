package cn.spotcheck.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import cn.spotcheck.system.DatabaseOutage;

/** 401 and 403 under {@code /api} in the API's own error format, with the Basic challenge clients expect; 503 when the database cannot check a login. */
class JsonAuthenticationFailures implements AuthenticationEntryPoint, AccessDeniedHandler {

    /** What an API client that sent no credentials is told, on the platform's API and the engine's alike. */
    static final String NO_CREDENTIALS = "请先登录：需要用户名和密码（HTTP Basic）";

    /**
     * API clients are challenged for HTTP Basic; a browser never is (it would cache the credentials and send them
     * with any other site's form): it is sent to the login page, or answered 401 without a challenge.
     */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        if (e instanceof AuthenticationServiceException) {
            response.setHeader("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS);
            write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, e.getMessage());
            return;
        }
        if (e instanceof org.springframework.security.authentication.LockedException) {
            write(response, HttpServletResponse.SC_UNAUTHORIZED, e.getMessage());
            return;
        }
        if (BrowserRequests.fromBrowser(request)) {
            if ("navigate".equals(request.getHeader("Sec-Fetch-Mode"))) {
                response.sendRedirect(request.getContextPath() + "/login");
                return;
            }
            write(response, HttpServletResponse.SC_UNAUTHORIZED, "请先登录平台");
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"spot-check\", charset=\"UTF-8\"");
        write(response, HttpServletResponse.SC_UNAUTHORIZED, NO_CREDENTIALS);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(response, HttpServletResponse.SC_FORBIDDEN, e instanceof CsrfException
                ? "缺少或无效的 CSRF 令牌：请从平台页面提交，或以 HTTP Basic 认证调用 API"
                : "无权访问：当前用户不具备所需角色");
    }

    static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"message\":\"" + message + "\",\"errors\":[]}");
    }
}
