package cn.spotcheck.draw.algorithm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The eligible inspectors of a request, indexed for the questions the draw asks: which department is this
 * inspector in, is this inspector recused for that target, and can every target be staffed at all.
 */
final class InspectorPool {

    private final List<Inspector> inspectors;
    private final Map<Long, String> departments = new HashMap<>();
    private final Map<String, Integer> departmentSizes = new HashMap<>();
    /** targetId → recused inspector ids, for inspectors in the pool only. */
    private final Map<Long, Set<Long>> recusedByTarget = new HashMap<>();

    InspectorPool(InspectorDrawRequest request) {
        List<Inspector> sorted = new ArrayList<>(request.inspectors());
        sorted.sort(Comparator.comparingLong(Inspector::id));
        this.inspectors = List.copyOf(sorted);
        for (Inspector inspector : inspectors) {
            departments.put(inspector.id(), inspector.department());
            departmentSizes.merge(inspector.department(), 1, Integer::sum);
        }
        for (Recusal recusal : request.recusals()) {
            if (departments.containsKey(recusal.inspectorId())) {
                recusedByTarget.computeIfAbsent(recusal.targetId(), t -> new HashSet<>()).add(recusal.inspectorId());
            }
        }
    }

    /** Inspectors in id order. */
    List<Inspector> inspectors() {
        return inspectors;
    }

    int size() {
        return inspectors.size();
    }

    /** The department of an inspector in the pool, or null for one outside it. */
    String departmentOf(long inspectorId) {
        return departments.get(inspectorId);
    }

    boolean recused(long inspectorId, long targetId) {
        Set<Long> recused = recusedByTarget.get(targetId);
        return recused != null && recused.contains(inspectorId);
    }

    /**
     * Throws {@link DrawImpossibleException} naming every target that cannot get {@code perTarget} non-recused
     * inspectors including one of each required department. When this passes, the greedy assignment cannot get
     * stuck: required departments are disjoint, so each takes one of its own, and the remaining slots are filled
     * from the non-recused inspectors, of whom there are enough.
     */
    void requireStaffable(List<Long> targetIds, int perTarget, List<String> requiredDepartments) {
        List<Shortfall> shortfalls = new ArrayList<>();
        for (Long targetId : targetIds) {
            Set<Long> recused = recusedByTarget.getOrDefault(targetId, Set.of());
            int available = inspectors.size() - recused.size();
            if (available < perTarget) {
                shortfalls.add(new Shortfall(targetId, "可抽取（未回避）的执法人员只有 " + available + " 名，每个检查对象需要 "
                        + perTarget + " 名"));
            }
            for (String department : requiredDepartments) {
                int size = departmentSizes.getOrDefault(department, 0);
                if (size == 0) {
                    shortfalls.add(new Shortfall(targetId,
                            "联合检查要求的部门“" + department + "”没有可抽取的执法人员（在岗、执法证有效、专业匹配）"));
                } else if (recused.stream().filter(id -> department.equals(departments.get(id))).count() == size) {
                    shortfalls.add(new Shortfall(targetId, "联合检查要求的部门“" + department + "”的执法人员均须回避"));
                }
            }
        }
        if (!shortfalls.isEmpty()) {
            throw new DrawImpossibleException(shortfalls);
        }
    }
}
