package cn.spotcheck.identity;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests that come from a browser page, on the API and the engine REST API. A state-changing request that
 * another site (or another port of this host: same site, not same origin) made the browser send is refused, whether
 * it carries the session cookie or credentials the browser cached; and a browser is never asked for HTTP Basic
 * credentials (no {@code WWW-Authenticate} challenge), so that it has none to cache. Clients that are not browsers
 * send neither {@code Origin} nor {@code Sec-Fetch-*} and are unaffected.
 */
class BrowserRequests extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/api/") || path.startsWith("/engine-rest/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE.contains(request.getMethod()) && fromAnotherOrigin(request)) {
            JsonAuthenticationFailures.write(response, HttpServletResponse.SC_FORBIDDEN,
                    "拒绝来自其他网站的请求：请在本平台的页面中操作");
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/engine-rest/") && request.getHeader("Authorization") == null && fromBrowser(request)) {
            // The engine's own filter would challenge with Basic; a browser should log in on the login page instead.
            JsonAuthenticationFailures.write(response, HttpServletResponse.SC_UNAUTHORIZED, "请先登录：在任务列表或平台首页登录后再访问");
            return;
        }
        chain.doFilter(request, response);
    }

    /** A browser says where a request comes from; anything but this origin (or the address bar) is foreign. */
    static boolean fromAnotherOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if ("cross-site".equals(site) || "same-site".equals(site)) {
            return true;
        }
        String origin = request.getHeader("Origin");
        return origin != null && !origin.equalsIgnoreCase(ownOrigin(request));
    }

    static boolean fromBrowser(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return request.getHeader("Sec-Fetch-Mode") != null || accept != null && accept.contains("text/html");
    }

    private static String ownOrigin(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean defaultPort = "http".equals(request.getScheme()) && port == 80 || "https".equals(request.getScheme()) && port == 443;
        return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }
}
