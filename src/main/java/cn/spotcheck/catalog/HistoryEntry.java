package cn.spotcheck.catalog;

import java.time.Instant;
import java.util.List;

/** One change to a record, as its history page lists it. */
public record HistoryEntry(String action, String actionName, String changedBy, Instant changedAt, List<FieldChange> changes) {

    /** One field's old and new value; the label is the field's Chinese name. */
    public record FieldChange(String field, String label, Object oldValue, Object newValue) {
    }
}
