package cn.spotcheck.system;

import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Whatever ends in an error without the platform's own handling (an unknown address, a method a path does not take,
 * a failure outside a controller): a Chinese page for a person, the API's JSON error shape for a program. Replaces
 * Spring Boot's English "Whitelabel" page and its {@code {"error":"Not Found"}}.
 */
@Controller
class ErrorPages implements ErrorController {

    private final DatabaseOutage outage;

    ErrorPages(DatabaseOutage outage) {
        this.outage = outage;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String unavailable = DatabaseOutage.MESSAGE;
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure && outage.explains(failure)) {
            status = HttpStatus.SERVICE_UNAVAILABLE;
            unavailable = DatabaseOutage.message(failure);
        }
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.setHeader("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS);
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        if (wantsPage(request, path)) {
            return new ModelAndView("error", status == HttpStatus.SERVICE_UNAVAILABLE
                    ? Map.of("status", status.value(), "path", shown(path), "message", unavailable)
                    : Map.of("status", status.value(), "path", shown(path)), status);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ApiError(status == HttpStatus.SERVICE_UNAVAILABLE ? unavailable : message(status), List.of()));
    }

    /** The address as the user typed it: 检查/页面, not %E6%A3%80…; an address that does not decode is shown as it came. */
    static String shown(String path) {
        try {
            return java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return path;
        }
    }

    private static boolean wantsPage(HttpServletRequest request, String path) {
        String accept = request.getHeader("Accept");
        return !path.startsWith("/api/") && !path.startsWith("/engine-rest/") && accept != null && accept.contains("text/html");
    }

    static String message(HttpStatus status) {
        return switch (status.value()) {
            case 400 -> "请求有误，请检查后重试";
            case 401 -> "请先登录";
            case 403 -> "无权访问";
            case 404 -> "地址不存在";
            case 405 -> "该地址不支持这种请求方式";
            case 406 -> "无法按请求的格式答复";
            case 413 -> "提交的内容过大";
            case 415 -> "不支持提交内容的格式";
            case 503 -> DatabaseOutage.MESSAGE;
            default -> status.is4xxClientError() ? "请求未能处理（" + status.value() + "）" : "服务器处理请求时出错，请稍后重试";
        };
    }
}
