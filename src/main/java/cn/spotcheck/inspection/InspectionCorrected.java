package cn.spotcheck.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * A published result was corrected (更正) after review: {@code revision} is the result's new version (the first
 * publication being 1). Raised in the transaction that applies the correction; 一公开 publishes it with its date and
 * reason beside the earlier value.
 */
@DomainEvent
public record InspectionCorrected(String code, long targetId, List<String> itemCodes, String oldCategory, String newCategory,
                                  LocalDate inspectionEndDate, String reason, int revision, Instant correctedAt) {
}
