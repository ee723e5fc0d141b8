package cn.spotcheck.system;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the limit fails while the request is read, before any controller is chosen, where the API's and the
 * pages' advice (each limited to its controllers) do not apply: answered here, as JSON under {@code /api}, as the error
 * page elsewhere.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadTooLarge {

    static final String MESSAGE = "上传文件过大：每个文件不超过 60 MB，未导入";
    static final ApiError REFUSAL = new ApiError(MESSAGE, List.of(new FieldMessage("file", MESSAGE)));

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(REFUSAL);
        }
        return PageExceptionHandler.page(HttpStatus.PAYLOAD_TOO_LARGE, MESSAGE, request);
    }
}
