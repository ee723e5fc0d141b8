package cn.spotcheck.inspection;

import org.jmolecules.event.annotation.DomainEvent;

/** An inspection's process ended: published, with or without a follow-up, or ended otherwise. */
@DomainEvent
public record InspectionClosed(String code, long spotCheckTaskId) {
}
