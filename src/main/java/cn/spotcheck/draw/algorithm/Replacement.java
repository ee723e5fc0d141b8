package cn.spotcheck.draw.algorithm;

/**
 * The record of one redrawn slot (更换执法人员): on {@code targetId}, {@code replacedInspectorId} was replaced by
 * {@code newInspectorId} for {@code reason}. {@code sequence} numbers the replacements of one draw (1, 2, ...);
 * it enters the tie-break key, so two replacements never reuse the same random order.
 */
public record Replacement(int sequence, long targetId, long replacedInspectorId, long newInspectorId,
        String reason) {

    /** {@code replacement|<sequence>|<targetId>|<replacedInspectorId>|<newInspectorId>|<reason>}. */
    public String canonicalLine() {
        return "replacement|" + sequence + "|" + targetId + "|" + replacedInspectorId + "|" + newInspectorId + "|"
                + reason;
    }
}
