package cn.spotcheck.followup;

import java.time.Instant;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * A follow-up was closed; {@code outcome} is what the public may read of it (查处结果), e.g. "立案查处：行政处罚决定书
 * 长交罚决字〔2027〕3号，罚款 2000 元". Raised once, in the transaction that closes it; 一公开 listens.
 */
@DomainEvent
public record FollowUpClosed(String inspectionCode, String kind, String outcome, Instant closedAt) {
}
