package cn.spotcheck.draw.algorithm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything the inspector draw depends on.
 *
 * @param seed                the draw's seed (the same as the target draw's)
 * @param targetIds           the drawn targets, in the order of the target draw ({@link TargetDrawResult#drawnIds()})
 * @param inspectorsPerTarget at least {@value #MIN_INSPECTORS_PER_TARGET} (行政处罚法 art. 42)
 * @param inspectors          the eligible inspectors, any order
 * @param recusals            pairs never to assign
 * @param requiredDepartments for joint checks: each target gets at least one inspector of each; empty otherwise.
 *                            Kept in canonical (code point) order, so the caller's order does not matter.
 */
public record InspectorDrawRequest(DrawSeed seed, List<Long> targetIds, int inspectorsPerTarget,
        List<Inspector> inspectors, Set<Recusal> recusals, List<String> requiredDepartments) {

    /** 行政处罚法 (2021) art. 42: 执法人员不得少于两人. */
    public static final int MIN_INSPECTORS_PER_TARGET = 2;

    public InspectorDrawRequest {
        Objects.requireNonNull(seed, "seed");
        targetIds = List.copyOf(targetIds);
        inspectors = List.copyOf(inspectors);
        recusals = Set.copyOf(recusals);
        if (inspectorsPerTarget < MIN_INSPECTORS_PER_TARGET) {
            throw new InvalidDrawInputException("每个检查对象至少须抽取 " + MIN_INSPECTORS_PER_TARGET
                    + " 名执法人员（《中华人民共和国行政处罚法》第四十二条），当前设置为 " + inspectorsPerTarget + " 名");
        }
        TreeSet<String> departments = new TreeSet<>(Codes.ORDER);
        for (String department : requiredDepartments) {
            if (!departments.add(Codes.require(department, "联合检查部门"))) {
                throw new InvalidDrawInputException("联合检查部门“" + department + "”重复");
            }
        }
        requiredDepartments = List.copyOf(departments);
        if (inspectorsPerTarget < requiredDepartments.size()) {
            throw new InvalidDrawInputException("联合检查要求 " + requiredDepartments.size() + " 个部门各派至少 1 名执法人员，"
                    + "每个检查对象的执法人员人数（" + inspectorsPerTarget + "）不能少于部门数");
        }
        rejectDuplicates(targetIds, "检查对象");
        rejectDuplicates(inspectors.stream().map(Inspector::id).toList(), "执法人员");
    }

    /** The same request for a new list of targets (e.g. after a joint check merged its scopes). */
    public InspectorDrawRequest withTargets(List<Long> otherTargetIds) {
        return new InspectorDrawRequest(seed, otherTargetIds, inspectorsPerTarget, inspectors, recusals,
                requiredDepartments);
    }

    private static void rejectDuplicates(List<Long> ids, String what) {
        Set<Long> seen = new HashSet<>();
        List<Long> duplicates = new ArrayList<>();
        for (Long id : ids) {
            if (!seen.add(id) && duplicates.size() < 20) {
                duplicates.add(id);
            }
        }
        if (!duplicates.isEmpty()) {
            throw new InvalidDrawInputException(what + "重复，同一" + what + "只能出现一次：" + duplicates);
        }
    }
}
