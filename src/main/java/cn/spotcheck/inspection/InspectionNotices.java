package cn.spotcheck.inspection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.spotcheck.catalog.CandidateScan;
import cn.spotcheck.catalog.InspectorDirectory;
import cn.spotcheck.catalog.ItemList;
import cn.spotcheck.catalog.ItemView;
import cn.spotcheck.documents.Documents;
import cn.spotcheck.documents.IssuedDocument;
import cn.spotcheck.plan.AnnualPlans;
import cn.spotcheck.plan.TaskView;

/** Issues the 检查通知书 of an inspection before the officers go on site; the diagram calls it, no one types it. */
@Component("inspectionNotices")
public class InspectionNotices {

    private final Documents documents;
    private final CandidateScan targets;
    private final ItemList items;
    private final InspectorDirectory inspectors;
    private final AnnualPlans plans;
    /**
     * A fan-out issues thousands of notices for one task in a few minutes: the task, its items and the officers'
     * names are read once a minute rather than once a notice.
     */
    private final Map<Long, TaskFacts> tasks = new ConcurrentHashMap<>();
    private final Map<String, String> officers = new ConcurrentHashMap<>();
    private volatile long cachedSince = System.nanoTime();

    private record TaskFacts(TaskView task, List<ItemView> items) {
    }

    InspectionNotices(Documents documents, CandidateScan targets, ItemList items, InspectorDirectory inspectors, AnnualPlans plans) {
        this.documents = documents;
        this.targets = targets;
        this.items = items;
        this.inspectors = inspectors;
        this.plans = plans;
    }

    public void issue(DelegateExecution execution) {
        String code = execution.getProcessBusinessKey();
        long targetId = ((Number) execution.getVariable("targetId")).longValue();
        long taskId = ((Number) execution.getVariable("taskId")).longValue();
        CandidateScan.TargetIdentity target = targets.identities(List.of(targetId)).get(targetId);
        TaskFacts facts = taskFacts(taskId);
        TaskView task = facts.task();
        List<ItemView> itemViews = facts.items();
        List<String> names = new ArrayList<>();
        for (String staffNo : Inspections.strings(execution.getVariable("inspectorUserIds"))) {
            names.add(officers.computeIfAbsent(staffNo, s -> inspectors.findByStaffNo(s)
                    .map(i -> i.name() + "（执法证号 " + i.certificateNo() + "）").orElse(s)));
        }
        IssuedDocument notice = documents.issue("inspection-notice", code, "随机抽查检查通知书 " + code, Map.of(
                "code", code,
                "targetName", target == null ? "" : target.name(),
                "targetCode", target == null ? "" : target.code(),
                "taskStart", task.start().toString(),
                "taskEnd", task.end().toString(),
                "items", itemViews,
                "inspectors", names));
        execution.setVariable("inspectionNoticeId", notice.id());
        // What the officers' forms show: whom they check, for what, on which legal basis.
        execution.setVariable("targetName", target == null ? "" : target.name());
        execution.setVariable("targetCode", target == null ? "" : target.code());
        execution.setVariable("itemSummary", String.join("；", itemViews.stream()
                .map(i -> i.code() + " " + i.name() + "（依据：" + i.legalBasis() + "）").toList()));
    }

    private TaskFacts taskFacts(long taskId) {
        if (System.nanoTime() - cachedSince > 60_000_000_000L) {
            tasks.clear();
            officers.clear();
            cachedSince = System.nanoTime();
        }
        return tasks.computeIfAbsent(taskId, id -> {
            TaskView task = plans.task(id);
            List<ItemView> itemViews = new ArrayList<>();
            task.itemCodes().forEach(c -> items.byCode(c).ifPresent(itemViews::add));
            return new TaskFacts(task, List.copyOf(itemViews));
        });
    }
}
