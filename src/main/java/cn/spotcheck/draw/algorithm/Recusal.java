package cn.spotcheck.draw.algorithm;

/**
 * An inspector who must never be assigned to a target (回避): kinship, former employment, declared interest, a
 * party's application, or having inspected it for the same item last time. Pairs naming inspectors or targets
 * outside the draw are allowed and simply have no effect.
 */
public record Recusal(long inspectorId, long targetId) {
}
