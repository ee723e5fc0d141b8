package cn.spotcheck.catalog;

import java.time.Instant;
import java.time.LocalDate;

/** A declared recusal; {@code validTo} null means until withdrawn. */
public record RecusalView(long id, long inspectorId, long targetId, String relation, String reason, LocalDate validFrom,
                          LocalDate validTo, String declaredBy, Instant declaredAt) {

    public boolean activeOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }
}
