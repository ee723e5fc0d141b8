package cn.spotcheck.draw.algorithm;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Who inspects which target, targets in the order they were processed (the target draw's order). */
public record InspectorAssignment(List<TargetInspectors> targets) {

    public InspectorAssignment {
        targets = List.copyOf(targets);
    }

    /** The inspectors of one target; empty if the target is not in this assignment. */
    public List<Long> inspectorsOf(long targetId) {
        for (TargetInspectors target : targets) {
            if (target.targetId() == targetId) {
                return target.inspectorIds();
            }
        }
        return List.of();
    }

    /** How many targets each assigned inspector has, by inspector id. */
    public SortedMap<Long, Integer> loads() {
        SortedMap<Long, Integer> loads = new TreeMap<>();
        for (TargetInspectors target : targets) {
            for (Long inspector : target.inspectorIds()) {
                loads.merge(inspector, 1, Integer::sum);
            }
        }
        return loads;
    }

    /** One {@link TargetInspectors#canonicalLine()} per target, in order; these go into the record digest. */
    public List<String> canonicalLines() {
        return targets.stream().map(TargetInspectors::canonicalLine).toList();
    }

    /** This assignment with one slot of one target changed; every other slot stays as it was. */
    InspectorAssignment withReplaced(long targetId, long oldInspectorId, long newInspectorId) {
        List<TargetInspectors> changed = new ArrayList<>(targets.size());
        for (TargetInspectors target : targets) {
            if (target.targetId() == targetId) {
                List<Long> ids = new ArrayList<>(target.inspectorIds());
                ids.set(ids.indexOf(oldInspectorId), newInspectorId);
                changed.add(new TargetInspectors(targetId, ids));
            } else {
                changed.add(target);
            }
        }
        return new InspectorAssignment(changed);
    }
}
