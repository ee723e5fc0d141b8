package cn.spotcheck.draw.algorithm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Draws the inspectors (抽取执法检查人员): for each target in the target draw's order, the least-loaded
 * eligible inspectors, ties broken by the seed ({@link InspectorQueues}). Required departments of a joint check
 * are served first. Either every target gets its full number of distinct, non-recused inspectors or
 * {@link DrawImpossibleException} says which targets cannot — never a partial assignment.
 */
public final class InspectorDraw {

    private InspectorDraw() {
    }

    public static InspectorAssignment draw(InspectorDrawRequest request) {
        InspectorPool pool = new InspectorPool(request);
        pool.requireStaffable(request.targetIds(), request.inspectorsPerTarget(), request.requiredDepartments());
        InspectorQueues queues = new InspectorQueues(pool, request.requiredDepartments(),
                new KeyHasher(request.seed()));
        List<TargetInspectors> targets = new ArrayList<>(request.targetIds().size());
        for (Long targetId : request.targetIds()) {
            targets.add(new TargetInspectors(targetId, queues.draw(targetId, request.inspectorsPerTarget())));
        }
        return new InspectorAssignment(targets);
    }

    /**
     * SHA-256 hex of the inspector draw's inputs, so a record can prove which pool and recusals it used. Canonical
     * text, UTF-8, each line ending in {@code \n}: {@code perTarget|<n>}; {@code required|<department>} per
     * required department (code point order); {@code inspector|<id>|<department>} per inspector (id order);
     * {@code recusal|<inspectorId>|<targetId>} per recusal (inspector id, then target id).
     */
    public static String inputDigest(InspectorDrawRequest request) {
        StringBuilder text = new StringBuilder();
        text.append("perTarget|").append(request.inspectorsPerTarget()).append('\n');
        for (String department : request.requiredDepartments()) {
            text.append("required|").append(department).append('\n');
        }
        request.inspectors().stream().sorted(Comparator.comparingLong(Inspector::id))
                .forEach(i -> text.append("inspector|").append(i.id()).append('|').append(i.department()).append('\n'));
        request.recusals().stream()
                .sorted(Comparator.comparingLong(Recusal::inspectorId).thenComparingLong(Recusal::targetId))
                .forEach(r -> text.append("recusal|").append(r.inspectorId()).append('|').append(r.targetId())
                        .append('\n'));
        return Sha256.hexOfUtf8(text.toString());
    }
}
