package cn.spotcheck.catalog;

import java.util.List;

import org.springframework.http.HttpStatus;

import cn.spotcheck.system.ApiException;
import cn.spotcheck.system.FieldMessage;

/** A validation outcome: the clean value, or every problem with its field. */
record Validated<T>(T value, List<FieldMessage> errors) {

    static <T> Validated<T> valid(T value) {
        return new Validated<>(value, List.of());
    }

    static <T> Validated<T> invalid(List<FieldMessage> errors) {
        return new Validated<>(null, List.copyOf(errors));
    }

    boolean isValid() {
        return errors.isEmpty();
    }

    /** The value, or a 400 naming the first problem and listing all. */
    T orThrow() {
        if (!isValid()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, errors.get(0).message(), errors);
        }
        return value;
    }
}
