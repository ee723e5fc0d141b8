package cn.spotcheck.system;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure under {@code /api} into {@link ApiError}; no stack trace ever reaches the caller. Pages have
 * their own handler ({@link PageExceptionHandler}).
 */
// Only the REST controllers (selectors are alternatives: a package here would take in the pages too), and before the
// pages' handler, which would otherwise also apply to them.
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final DatabaseOutage outage;

    ApiExceptionHandler(DatabaseOutage outage) {
        this.outage = outage;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> refused(ApiException e) {
        return ResponseEntity.status(e.status()).body(new ApiError(e.getMessage(), e.errors()));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalidBody(MethodArgumentNotValidException e) {
        List<FieldMessage> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldMessage(f.getField(), f.isBindingFailure()
                        ? "参数 " + f.getField() + " 的值“" + f.getRejectedValue() + "”格式不正确" : f.getDefaultMessage()))
                .toList();
        String message = errors.isEmpty() ? "请求内容不合法" : "请求内容不合法：" + errors.get(0).field() + " " + errors.get(0).message();
        return status(HttpStatus.BAD_REQUEST, new ApiError(message, errors));
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<ApiError> badParameters(BindException e) {
        List<FieldMessage> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldMessage(f.getField(), "参数 " + f.getField() + " 的值“" + f.getRejectedValue() + "”格式不正确"))
                .toList();
        String message = errors.isEmpty() ? "请求参数不合法" : errors.get(0).message();
        return status(HttpStatus.BAD_REQUEST, new ApiError(message, errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> wrongType(MethodArgumentTypeMismatchException e) {
        String message = "参数 " + e.getName() + " 的值“" + e.getValue() + "”格式不正确"
                + (e.getRequiredType() != null && e.getRequiredType().getSimpleName().equals("LocalDate") ? "，日期应为 YYYY-MM-DD" : "");
        return status(HttpStatus.BAD_REQUEST, new ApiError(message, List.of(new FieldMessage(e.getName(), message))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        String message = "缺少参数 " + e.getParameterName();
        return status(HttpStatus.BAD_REQUEST, new ApiError(message, List.of(new FieldMessage(e.getParameterName(), message))));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ApiError> missingPart(MissingServletRequestPartException e) {
        String message = "缺少上传文件字段 " + e.getRequestPartName();
        return status(HttpStatus.BAD_REQUEST, new ApiError(message, List.of(new FieldMessage(e.getRequestPartName(), message))));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof TextWithoutControlCharacters.ControlCharacterInText control) {
            String message = ControlCharacters.message(control.field);
            return status(HttpStatus.BAD_REQUEST, new ApiError(message, List.of(new FieldMessage(control.field, message))));
        }
        if (e.getCause() instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = JsonFields.path(mismatch);
            String message = "字段 " + field + " 的值类型不对" + JsonFields.expected(mismatch.getTargetType());
            return status(HttpStatus.BAD_REQUEST, new ApiError(message, List.of(new FieldMessage(field, message))));
        }
        return status(HttpStatus.BAD_REQUEST, ApiError.of("请求内容无法解析，请检查 JSON 格式及字段类型（日期为 YYYY-MM-DD）"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return status(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ApiError.of("不支持的内容类型：" + e.getContentType()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return status(HttpStatus.METHOD_NOT_ALLOWED, ApiError.of("该地址不支持 " + e.getMethod() + " 请求"));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> notMultipart(MultipartException e) {
        String message = "请以 multipart/form-data 方式上传，文件放在字段 file 中";
        return status(HttpStatus.BAD_REQUEST, new ApiError(message, List.of(new FieldMessage("file", message))));
    }

    /** Two requests wrote the same thing at once: the database kept one; the other is told so, not given a 500. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ApiError> duplicate(DataIntegrityViolationException e) {
        boolean sameKey = e instanceof DuplicateKeyException || e.getMessage() != null && e.getMessage().contains("duplicate key");
        return sameKey ? status(HttpStatus.CONFLICT, ApiError.of("同一记录刚刚已被登记或修改（可能是重复提交），请刷新后核对")) : unexpected(e);
    }

    @ExceptionHandler({PessimisticLockingFailureException.class, OptimisticLockingFailureException.class,
            org.camunda.bpm.engine.OptimisticLockingException.class})
    ResponseEntity<ApiError> concurrent(Exception e) {
        return status(HttpStatus.CONFLICT, ApiError.of("同一事项正被其他请求处理，请稍后刷新再试"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noResource(NoResourceFoundException e) {
        return status(HttpStatus.NOT_FOUND, ApiError.of("地址不存在：/" + e.getResourcePath()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> denied(AccessDeniedException e) {
        return status(HttpStatus.FORBIDDEN, ApiError.of("无权执行此操作"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        if (outage.explains(e)) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS)
                    .body(ApiError.of(DatabaseOutage.message(e)));
        }
        // A refusal raised inside the process engine (a service task calling our services) arrives wrapped.
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof ApiException refusal) {
                return refused(refusal);
            }
            // Deadlock, serialization failure or unique key inside the engine's transaction: another request won.
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && List.of("40P01", "40001", "23505").contains(sql.getSQLState())
                    || cause instanceof org.camunda.bpm.engine.OptimisticLockingException) {
                return concurrent(e);
            }
        }
        log.error("未处理的异常", e);
        return status(HttpStatus.INTERNAL_SERVER_ERROR, ApiError.of("系统内部错误，请稍后重试或联系管理员"));
    }

    private static ResponseEntity<ApiError> status(HttpStatus status, ApiError body) {
        return ResponseEntity.status(status).body(body);
    }
}
