package cn.spotcheck.draw;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.catalog.DrawableInspector;
import cn.spotcheck.catalog.InspectorDirectory;
import cn.spotcheck.draw.algorithm.DrawSeed;
import cn.spotcheck.draw.algorithm.Inspector;
import cn.spotcheck.draw.algorithm.InspectorDrawRequest;
import cn.spotcheck.draw.algorithm.InvalidDrawInputException;
import cn.spotcheck.draw.algorithm.Recusal;
import cn.spotcheck.inspection.Inspections;
import cn.spotcheck.plan.AnnualPlans;
import cn.spotcheck.plan.TaskView;
import cn.spotcheck.system.ApiException;

/**
 * Gathers the inspector draw's inputs from the directory for the tasks a record covers: the pool, the recusals and
 * the rules. Both the draw and a later replacement read them here, so a replacement is drawn by the same rules.
 */
@Component
class InspectorDrawInputs {

    private final AnnualPlans plans;
    private final InspectorDirectory inspectors;
    private final Inspections inspections;
    private final JointGroupCandidates jointGroups;
    private final DrawStore store;

    InspectorDrawInputs(AnnualPlans plans, InspectorDirectory inspectors, Inspections inspections, JointGroupCandidates jointGroups,
                        DrawStore store) {
        this.plans = plans;
        this.inspectors = inspectors;
        this.inspections = inspections;
        this.jointGroups = jointGroups;
        this.store = store;
    }

    /** The tasks a record covers: its one task, or the members of its joint group. */
    List<TaskView> coveredTasks(DrawStore.Stored record) {
        return store.coveredTasks(record.id()).stream().map(plans::task).toList();
    }

    /**
     * One task: its items' expertise (a joint task: any part of it), certificates valid through its end, its
     * departments if joint. A joint group: the union of the members' expertise, each member's expertise held by someone
     * in the pool, certificates valid through the latest end, every member's department required, and at least one
     * inspector per required department.
     */
    InspectorDrawRequest of(DrawStore.Stored record, List<Long> targetIds) {
        List<TaskView> tasks = coveredTasks(record);
        boolean group = tasks.size() > 1;
        boolean joint = tasks.stream().anyMatch(TaskView::joint);
        Map<TaskView, Set<String>> expertiseOfTask = new LinkedHashMap<>();
        Set<String> expertise = new LinkedHashSet<>();
        Set<String> itemCodes = new LinkedHashSet<>();
        Set<String> departmentSet = new LinkedHashSet<>();
        LocalDate end = tasks.get(0).end();
        int perTarget = 0;
        for (TaskView task : tasks) {
            Set<String> needed = new LinkedHashSet<>();
            jointGroups.itemsOf(task).forEach(i -> needed.addAll(i.expertise()));
            expertiseOfTask.put(task, needed);
            expertise.addAll(needed);
            itemCodes.addAll(task.itemCodes());
            if (task.joint()) {
                departmentSet.addAll(task.departments());
            }
            end = task.end().isAfter(end) ? task.end() : end;
            perTarget = Math.max(perTarget, task.inspectorsPerTarget());
        }
        List<String> departments = joint ? List.copyOf(departmentSet) : List.of();
        if (group) {
            perTarget = Math.max(perTarget, departments.size());
        }
        List<DrawableInspector> pool = inspectors.drawablePool(end, expertise, joint);
        if (pool.size() < perTarget) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "无法抽取执法检查人员：具备专业领域“" + String.join("、", expertise)
                    + "”、在岗且执法证有效期至 " + end + " 以后的执法人员只有 " + pool.size() + " 名，每个检查对象需要 "
                    + perTarget + " 名", List.of());
        }
        if (group) {
            for (TaskView task : tasks) {
                Set<String> needed = expertiseOfTask.get(task);
                if (!needed.isEmpty() && pool.stream().noneMatch(i -> i.expertise().stream().anyMatch(needed::contains))) {
                    throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "无法抽取执法检查人员：联合抽查任务“" + task.name()
                            + "”的检查事项需要专业领域“" + String.join("、", needed) + "”，在岗且执法证有效期至 " + end
                            + " 以后的执法人员中没有具备的", List.of());
                }
            }
        }
        List<Inspector> eligible = pool.stream().map(i -> new Inspector(i.id(), i.department())).toList();
        try {
            return new InspectorDrawRequest(record.seed(), targetIds, perTarget, eligible, recusals(pool, itemCodes, targetIds),
                    departments);
        } catch (InvalidDrawInputException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(), List.of());
        }
    }

    /** Declared conflicts in force, and whoever inspected a target last time for the same item (not again). */
    private Set<Recusal> recusals(List<DrawableInspector> pool, Set<String> itemCodes, List<Long> targetIds) {
        Map<String, Long> idByStaffNo = new HashMap<>();
        pool.forEach(i -> idByStaffNo.put(i.staffNo(), i.id()));
        Set<Long> inTask = new HashSet<>(targetIds);
        Set<Recusal> recusals = new HashSet<>();
        inspectors.recusalsInForce(BureauTime.today(), inTask).forEach(r -> recusals.add(new Recusal(r.inspectorId(), r.targetId())));
        inspections.lastInspectors(itemCodes).forEach((targetId, staffNos) -> {
            if (inTask.contains(targetId)) {
                staffNos.stream().map(idByStaffNo::get).filter(Objects::nonNull).forEach(id -> recusals.add(new Recusal(id, targetId)));
            }
        });
        return recusals;
    }
}
