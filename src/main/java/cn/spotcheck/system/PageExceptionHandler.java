package cn.spotcheck.system;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page that cannot be shown (a plan that does not exist, a page the user's role may not open, a failure) answers
 * the Chinese error page with the reason and its status, never the API's JSON or a stack trace.
 */
@ControllerAdvice(basePackages = "cn.spotcheck")
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    private final DatabaseOutage outage;

    PageExceptionHandler(DatabaseOutage outage) {
        this.outage = outage;
    }

    private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ModelAndView refused(ApiException e, HttpServletRequest request) {
        return page(e.status(), e.getMessage(), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied(HttpServletRequest request) {
        return page(HttpStatus.FORBIDDEN, null, request);
    }

    /** {@code /tasks/abc}: no such page; {@code ?page=abc}: a request the page cannot read. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView mistyped(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        boolean inPath = e.getParameter().hasParameterAnnotation(PathVariable.class);
        return page(inPath ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST, inPath ? null : "参数 " + e.getName() + " 的值无法识别", request);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        if (outage.explains(e)) {
            response.setHeader("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS);
            return page(HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.message(e), request);
        }
        log.error("页面 {} 处理失败", request.getRequestURI(), e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, null, request);
    }

    static ModelAndView page(HttpStatus status, String message, HttpServletRequest request) {
        String path = ErrorPages.shown(request.getRequestURI());
        return new ModelAndView("error", message == null ? Map.of("status", status.value(), "path", path)
                : Map.of("status", status.value(), "path", path, "message", message), status);
    }
}
