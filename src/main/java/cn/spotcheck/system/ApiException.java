package cn.spotcheck.system;

import java.util.List;

import org.springframework.http.HttpStatus;

/** A refusal the user can act on: its status, a Chinese message and, where it applies, the fields at fault. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final List<FieldMessage> errors;

    public ApiException(HttpStatus status, String message, List<FieldMessage> errors) {
        super(message);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, message, List.of(new FieldMessage(field, message)));
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, message, List.of());
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, message, List.of());
    }

    public static ApiException conflict(String field, String message) {
        return new ApiException(HttpStatus.CONFLICT, message, List.of(new FieldMessage(field, message)));
    }

    public static ApiException unprocessable(String message) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, message, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldMessage> errors() {
        return errors;
    }
}
