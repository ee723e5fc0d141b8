package cn.spotcheck.draw.algorithm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Redraws one inspector slot of an existing assignment (a replaced inspector is redrawn and the reason recorded).
 * Only that slot changes. The new inspector is the best by <b>(load, key, id)</b> among the pool's inspectors who
 * are not the replaced one, not already on the target and not recused for it, where load is the number of
 * targets in the current assignment and {@code key = H(seed, "replacement|<sequence>|<targetId>|<inspectorId>")}.
 * If the target would lose the only inspector of a required department, the new one comes from that department.
 *
 * <p>The request is the draw's request, with the pool and recusals in force at the time of the replacement (an
 * inspector who has since left is simply absent from the pool; a new recusal is simply added). Deterministic
 * given the seed and the sequence number.
 */
public final class InspectorReplacement {

    private InspectorReplacement() {
    }

    public static ReplacementOutcome replace(InspectorDrawRequest request, InspectorAssignment current, int sequence,
            long targetId, long replacedInspectorId, String reason) {
        if (sequence < 1) {
            throw new InvalidDrawInputException("更换序号须从 1 开始，当前为 " + sequence);
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidDrawInputException("更换执法人员必须填写原因");
        }
        if (reason.contains("\n") || reason.contains("\r")) {
            throw new InvalidDrawInputException("更换原因不能包含换行");
        }
        List<Long> onTarget = current.inspectorsOf(targetId);
        if (onTarget.isEmpty()) {
            throw new InvalidDrawInputException("检查对象 " + targetId + " 不在本次抽取结果中，无法更换执法人员");
        }
        if (!onTarget.contains(replacedInspectorId)) {
            throw new InvalidDrawInputException("执法人员 " + replacedInspectorId + " 不是检查对象 " + targetId + " 的检查人员，无法更换");
        }
        InspectorPool pool = new InspectorPool(request);
        List<Long> staying = new ArrayList<>(onTarget);
        staying.remove(replacedInspectorId);
        String neededDepartment = firstUnrepresented(request.requiredDepartments(), staying, pool);

        Map<Long, Integer> loads = current.loads();
        KeyHasher hasher = new KeyHasher(request.seed());
        long best = 0;
        int bestLoad = Integer.MAX_VALUE;
        long bestKey = 0;
        for (Inspector inspector : pool.inspectors()) { // id order, so an exact tie keeps the lower id
            long id = inspector.id();
            if (id == replacedInspectorId || staying.contains(id) || pool.recused(id, targetId)
                    || (neededDepartment != null && !neededDepartment.equals(inspector.department()))) {
                continue;
            }
            int load = loads.getOrDefault(id, 0);
            if (load > bestLoad) {
                continue; // the key is only computed for inspectors that can still win
            }
            long key = hasher.replacementKey(sequence, targetId, id);
            if (load < bestLoad || Long.compareUnsigned(key, bestKey) < 0) {
                best = id;
                bestLoad = load;
                bestKey = key;
            }
        }
        if (bestLoad == Integer.MAX_VALUE) {
            String scope = neededDepartment == null ? "" : "部门“" + neededDepartment + "”中";
            throw new DrawImpossibleException("无法更换执法人员，原分配保持不变。", List.of(new Shortfall(targetId,
                    "更换执法人员 " + replacedInspectorId + " 时，" + scope + "没有其他可抽取（未回避、未在该对象上）的执法人员")));
        }
        return new ReplacementOutcome(current.withReplaced(targetId, replacedInspectorId, best),
                new Replacement(sequence, targetId, replacedInspectorId, best, reason));
    }

    private static String firstUnrepresented(List<String> required, List<Long> staying, InspectorPool pool) {
        for (String department : required) {
            boolean represented = staying.stream().anyMatch(id -> department.equals(pool.departmentOf(id)));
            if (!represented) {
                return department;
            }
        }
        return null;
    }
}
