package cn.spotcheck.system;

import java.util.List;

/** The body of every 4xx/5xx answer under {@code /api}: a Chinese message and the fields at fault. */
public record ApiError(String message, List<FieldMessage> errors) {

    public static ApiError of(String message) {
        return new ApiError(message, List.of());
    }
}
