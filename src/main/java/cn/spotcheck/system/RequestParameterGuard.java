package cn.spotcheck.system;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Refuses, before any controller or query sees it, a request parameter that holds control characters or runs
 * past any sensible length (a search fragment, a page number, a code): {@code 400} with the parameter named,
 * in the API's JSON shape under {@code /api} and {@code /public}, as plain Chinese text elsewhere. The engine's
 * and the webapps' own paths are left to them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestParameterGuard extends OncePerRequestFilter {

    /** A query parameter is a search fragment, a page number or a code; a form field may hold a legal basis. */
    static final int MAX_QUERY_PARAMETER_CHARS = 500;
    static final int MAX_FORM_FIELD_CHARS = 20_000;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/camunda/") || path.startsWith("/engine-rest/") || isMultipart(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int max = "GET".equals(request.getMethod()) ? MAX_QUERY_PARAMETER_CHARS : MAX_FORM_FIELD_CHARS;
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            String problem = ControlCharacters.present(name) ? ControlCharacters.message("（参数名）") : null;
            for (String value : parameter.getValue()) {
                if (problem == null && ControlCharacters.present(value)) {
                    problem = ControlCharacters.message(name);
                } else if (problem == null && value != null && value.length() > max) {
                    problem = "参数 " + name + " 过长（" + value.length() + " 个字符，最多 " + max + " 个）";
                }
            }
            if (problem != null) {
                refuse(request, response, ControlCharacters.present(name) ? "" : name, problem);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String field, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setCharacterEncoding("UTF-8");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/public/open-data")) {
            response.setContentType("application/json");
            json.writeValue(response.getWriter(), new ApiError(message, java.util.List.of(new FieldMessage(field, message))));
        } else {
            response.setContentType("text/plain");
            response.getWriter().write("请求有误：" + message);
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith("multipart/");
    }
}
