package cn.spotcheck.catalog;

import java.time.Instant;
import java.util.List;

/** One change to a record, as its history page lists it. */
record HistoryEntry(String action, String actionName, String changedBy, Instant changedAt, List<FieldChange> changes) {

    /** One field's old and new value; the label is the field's Chinese name. */
    public record FieldChange(String field, String label, Object oldValue, Object newValue) {

        public String oldText() {
            return text(field, oldValue);
        }

        public String newText() {
            return text(field, newValue);
        }

        /** A value as a person reads it: 是/否 rather than true/false, 一般检查事项 rather than GENERAL, lists joined. */
        static String text(String field, Object value) {
            if (value == null || value instanceof java.util.List<?> list && list.isEmpty()) {
                return "（空）";
            }
            if (value instanceof Boolean yes) {
                return yes ? "是" : "否";
            }
            if (value instanceof java.util.List<?> list) {
                return String.join("、", list.stream().map(String::valueOf).toList());
            }
            if ("defaultRatio".equals(field) && value instanceof Number ratio) {
                return new java.math.BigDecimal(ratio.toString()).movePointRight(2).stripTrailingZeros().toPlainString() + " %";
            }
            if ("type".equals(field)) {
                for (ItemType type : ItemType.values()) {
                    if (type.name().equals(value.toString())) {
                        return type.displayName();
                    }
                }
            }
            return value.toString();
        }
    }
}
