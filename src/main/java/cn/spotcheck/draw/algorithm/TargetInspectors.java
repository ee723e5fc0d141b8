package cn.spotcheck.draw.algorithm;

import java.util.List;

/**
 * The inspectors of one target, in the order they were drawn: one per required department first (departments in
 * canonical order), then the others.
 */
public record TargetInspectors(long targetId, List<Long> inspectorIds) {

    public TargetInspectors {
        inspectorIds = List.copyOf(inspectorIds);
    }

    /** {@code assign|<targetId>|<inspectorId>,<inspectorId>,...}. */
    public String canonicalLine() {
        StringBuilder line = new StringBuilder("assign|").append(targetId).append('|');
        for (int i = 0; i < inspectorIds.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(inspectorIds.get(i));
        }
        return line.toString();
    }
}
