package cn.spotcheck.system;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;

/** A JSON body's field that did not fit, in the words of the refusal: where it is, and what it should have been. */
final class JsonFields {

    private JsonFields() {
    }

    /** {@code targetFilter.categories[2]}: the field's path as the client wrote it. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static String expected(Class<?> type) {
        if (type == null) {
            return "";
        }
        String name;
        if (type == String.class) {
            name = "文本";
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class || type == short.class) {
            name = "整数";
        } else if (type == double.class || type == Double.class || type == float.class || type == Float.class || type == BigDecimal.class) {
            name = "数字（如 0.05）";
        } else if (type == boolean.class || type == Boolean.class) {
            name = "true 或 false";
        } else if (type == LocalDate.class) {
            name = "日期（YYYY-MM-DD）";
        } else if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            name = "数组";
        } else if (type.isEnum()) {
            name = java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining("、", "以下之一：", ""));
        } else {
            name = "对象";
        }
        return "：应为" + name;
    }
}
