package cn.spotcheck.draw;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import cn.spotcheck.draw.algorithm.StratumDraw;
import cn.spotcheck.plan.AnnualPlans;
import cn.spotcheck.plan.TaskView;
import cn.spotcheck.system.ApiException;

/**
 * Which tasks and items each drawn target of a draw serves. An ordinary draw serves its one task; a joint group's
 * draw (联合抽查) serves, at each target, every member task whose scope holds it — one visit for all their items
 * (进一次门、查多项事). Read from the record's strata in one pass (no query per target); maps are in assignment order.
 */
@Service
class DrawCoverage {

    private final DrawStore store;
    private final AnnualPlans plans;

    DrawCoverage(DrawStore store, AnnualPlans plans) {
        this.store = store;
        this.plans = plans;
    }

    /** The draw record covering the task (its own or its joint group's), if drawn. */
    public Optional<Long> drawOf(long taskId) {
        return store.byTask(taskId).map(DrawStore.Stored::id);
    }

    /** Whether the task's process is the one that fans out its draw (false when the task is not drawn). */
    public boolean fansOut(long taskId) {
        return store.byTask(taskId).map(r -> r.taskId() == taskId).orElse(false);
    }

    /** The tasks the draw covers, in id order. */
    public List<Long> coveredTasks(long drawId) {
        record(drawId);
        return store.coveredTasks(drawId);
    }

    /** For each drawn target, the item codes to check there: in a joint draw, of every member task whose scope holds it. */
    public Map<Long, List<String>> itemCodesByTarget(long drawId) {
        DrawStore.Stored record = record(drawId);
        return itemCodesByTarget(record.taskId(), store.strata(drawId), store.stratumTasks(drawId), tasks(store.coveredTasks(drawId)));
    }

    Map<Long, TaskView> tasks(List<Long> taskIds) {
        Map<Long, TaskView> tasks = new LinkedHashMap<>();
        taskIds.forEach(id -> tasks.put(id, plans.task(id)));
        return tasks;
    }

    /**
     * The items per target from a record's strata: without joint strata every target gets the drawing task's items;
     * with them, a stratum's targets get the items of its member tasks (task id order, each code once). One list
     * per stratum is shared by its targets.
     */
    static Map<Long, List<String>> itemCodesByTarget(long drawingTaskId, List<StratumDraw> strata,
                                                    Map<String, DrawStore.JointStratum> joint, Map<Long, TaskView> tasks) {
        Map<Long, List<String>> result = new LinkedHashMap<>();
        Map<List<Long>, List<String>> itemsOfTasks = new HashMap<>();
        for (StratumDraw s : strata) {
            List<Long> members = joint.isEmpty() ? List.of(drawingTaskId) : joint.get(s.stratum()).tasks();
            List<String> items = itemsOfTasks.computeIfAbsent(members, m -> {
                Set<String> codes = new LinkedHashSet<>();
                m.forEach(t -> codes.addAll(tasks.get(t).itemCodes()));
                return List.copyOf(new ArrayList<>(codes));
            });
            s.drawnIds().forEach(id -> result.put(id, items));
        }
        return result;
    }

    private DrawStore.Stored record(long drawId) {
        return store.byId(drawId).orElseThrow(() -> ApiException.notFound("抽取记录 " + drawId + " 不存在"));
    }
}
