package cn.spotcheck.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.spotcheck.catalog.CandidateScan;
import cn.spotcheck.catalog.ItemList;
import cn.spotcheck.documents.Documents;
import cn.spotcheck.documents.IssuedDocument;
import cn.spotcheck.inspection.InspectionView;
import cn.spotcheck.inspection.Inspections;
import cn.spotcheck.plan.AnnualPlans;
import cn.spotcheck.plan.TaskView;

/**
 * The 抽查结果公示 of a spot-check task, issued by its diagram ({@code publishResultNotice} in
 * {@code spot-check-task.bpmn}) once every inspection is done: how many were checked, how many with findings, and
 * each published result. Read from the inspections themselves, which are complete at that moment (the public copy
 * of the last result may still be on its way). Shown on the public site with the task's draw.
 */
@Component("resultPublicityNotice")
public class ResultPublicityNotice {

    static final String KIND = "result-publicity";
    private static final int SLICE = 1_000;

    private final Documents documents;
    private final Inspections inspections;
    private final AnnualPlans plans;
    private final CandidateScan targets;
    private final ItemList items;

    ResultPublicityNotice(Documents documents, Inspections inspections, AnnualPlans plans, CandidateScan targets, ItemList items) {
        this.documents = documents;
        this.inspections = inspections;
        this.plans = plans;
        this.targets = targets;
        this.items = items;
    }

    /** One published result as the notice lists it. */
    public record Row(String targetName, String targetCode, String items, String resultCategory, String inspectionEndDate) {
    }

    public void issue(DelegateExecution execution) {
        issue(Long.parseLong(execution.getProcessBusinessKey()));
    }

    IssuedDocument issue(long taskId) {
        TaskView task = plans.task(taskId);
        Map<String, String> itemNames = new LinkedHashMap<>();
        items.current().forEach(i -> itemNames.put(i.code(), i.name()));
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> byCategory = new LinkedHashMap<>();
        int total = inspections.countOf(taskId);
        for (int offset = 0; offset < total; offset += SLICE) {
            List<InspectionView> slice = inspections.ofTask(taskId, offset, SLICE).stream().filter(i -> i.publishedAt() != null).toList();
            Map<Long, CandidateScan.TargetIdentity> identities = targets.identities(slice.stream().map(InspectionView::targetId).toList());
            for (InspectionView inspection : slice) {
                CandidateScan.TargetIdentity target = identities.get(inspection.targetId());
                rows.add(new Row(target == null ? "" : target.name(), target == null ? "" : target.code(),
                        String.join("、", inspection.itemCodes().stream().map(c -> itemNames.getOrDefault(c, c)).toList()),
                        inspection.resultCategory(), String.valueOf(inspection.inspectionEndDate())));
                byCategory.merge(inspection.resultCategory(), 1, Integer::sum);
            }
        }
        return documents.issue(KIND, reference(taskId), "抽查结果公示 " + task.name(),
                task.leadDepartment(), Map.of(
                        "taskName", task.name(),
                        "taskStart", task.start().toString(),
                        "taskEnd", task.end().toString(),
                        "itemNames", String.join("、", task.itemCodes().stream().map(c -> itemNames.getOrDefault(c, c)).toList()),
                        "rows", rows,
                        "byCategory", byCategory));
    }

    /** The notice of the task, once issued (the newest, should the step have run again). */
    Optional<IssuedDocument> of(long taskId) {
        return documents.about(reference(taskId)).stream().filter(d -> KIND.equals(d.kind()) && d.supersededBy() == null)
                .reduce((a, b) -> b);
    }

    /** Issued documents are about an inspection code or, as here, a task. */
    static String reference(long taskId) {
        return "task:" + taskId;
    }
}
