package cn.spotcheck.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * An inspection's result was approved and published (公示). Raised once per inspection, in the transaction that
 * records the publication; 一公开 and the spot-check task's progress listen to it.
 */
@DomainEvent
public record InspectionPublished(String code, long spotCheckTaskId, long targetId, List<String> itemCodes,
                                  String resultCategory, LocalDate inspectionEndDate, Instant publishedAt) {
}
