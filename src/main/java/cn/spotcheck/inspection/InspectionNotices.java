package cn.spotcheck.inspection;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import cn.spotcheck.catalog.CandidateScan;
import cn.spotcheck.catalog.InspectorDirectory;
import cn.spotcheck.catalog.ItemList;
import cn.spotcheck.catalog.ItemView;
import cn.spotcheck.documents.Documents;
import cn.spotcheck.documents.IssuedDocument;
import cn.spotcheck.plan.AnnualPlans;
import cn.spotcheck.plan.TaskView;
import cn.spotcheck.system.Markdown;

/** Issues the 检查通知书 of an inspection before the inspectors go on site; the diagram calls it, no one types it. */
@Component
class InspectionNotices {

    static final String KIND = "inspection-notice";

    private final Documents documents;
    private final CandidateScan targets;
    private final ItemList items;
    private final InspectorDirectory inspectors;
    private final AnnualPlans plans;
    /**
     * A fan-out issues thousands of notices for one task in a few minutes: the task, its items and the inspectorNames'
     * names are read once a minute rather than once a notice.
     */
    private final Map<Long, TaskView> tasks = new ConcurrentHashMap<>();
    private final Map<String, ItemView> itemsByCode = new ConcurrentHashMap<>();
    private final Map<String, String> inspectorNames = new ConcurrentHashMap<>();
    private volatile long cachedSince = System.nanoTime();

    InspectionNotices(Documents documents, CandidateScan targets, ItemList items, InspectorDirectory inspectors, AnnualPlans plans) {
        this.documents = documents;
        this.targets = targets;
        this.items = items;
        this.inspectors = inspectors;
        this.plans = plans;
    }

    /** What the inspectors' forms show once the notice is issued: whom they check, where, for what, and who goes. */
    record Issued(String inspectorChoices, String brief) {
    }

    /** {@code address}: as the dispatcher read it with the target ("" when none is registered), or null to look it up. */
    Issued issue(String code, long spotCheckTaskId, long targetId, String targetName, String targetCode, String address,
                 List<String> itemCodes, List<String> staffNos) {
        List<ItemView> itemViews = itemsOf(spotCheckTaskId, itemCodes);
        IssuedDocument notice = notice(code, spotCheckTaskId, targetName, targetCode, itemViews, staffNos, "随机抽查检查通知书 " + code);
        return new Issued(choices(staffNos), brief(code, targetName, targetCode, address != null ? address : addressOf(targetId),
                spotCheckTaskId, itemViews, staffNos, notice));
    }

    /**
     * The brief above the inspectors' forms (Markdown): the target and its address, the items with their legal basis,
     * the team, the window, and links to the notice and the inspection's record.
     */
    private String brief(String code, String targetName, String targetCode, String address, long taskId,
                         List<ItemView> itemViews, List<String> staffNos, IssuedDocument notice) {
        String record = "/inspections/" + code;
        TaskView task = task(taskId);
        StringBuilder brief = new StringBuilder("检查对象：**").append(Markdown.text(targetName)).append("**（")
                .append(Markdown.text(targetCode)).append("）\n\n");
        brief.append("- 地址：").append(address == null || address.isBlank() ? "名录中未登记" : Markdown.text(address)).append('\n');
        brief.append("- 检查事项：").append(Markdown.text(String.join("；", itemViews.stream()
                .map(i -> i.code() + " " + i.name() + "（依据：" + i.legalBasis() + "）").toList()))).append('\n');
        brief.append("- 执法检查人员：").append(Markdown.text(String.join("、", names(staffNos)))).append('\n');
        brief.append("- 检查期限：").append(task.start()).append(" 至 ").append(task.end()).append('\n');
        brief.append("- ").append(Markdown.link("检查通知书", "/api/documents/" + notice.id())).append("　")
                .append(Markdown.link("检查记录（上传证据材料）", record)).append('\n');
        return Markdown.fit(brief.toString(), record);
    }

    /**
     * After an inspector was replaced: the notice names the new team, and the one it replaces is marked superseded.
     * Returns the inspectors' new brief.
     */
    String reissue(String code, long taskId, long targetId, String targetName, String targetCode, List<String> itemCodes, List<String> staffNos) {
        List<ItemView> itemViews = itemsOf(taskId, itemCodes);
        IssuedDocument notice = notice(code, taskId, targetName == null ? "" : targetName, targetCode == null ? "" : targetCode,
                itemViews, staffNos, "随机抽查检查通知书（更换执法人员后重新出具） " + code);
        documents.supersede(KIND, code, notice.id());
        return brief(code, targetName == null ? "" : targetName, targetCode == null ? "" : targetCode, addressOf(targetId), taskId,
                itemViews, staffNos, notice);
    }

    private String addressOf(long targetId) {
        CandidateScan.TargetIdentity target = identity(targetId);
        return target == null ? null : target.address();
    }

    /** A target as the directory has it now, or null. */
    CandidateScan.TargetIdentity identity(long targetId) {
        return targets.identities(List.of(targetId)).get(targetId);
    }

    private IssuedDocument notice(String code, long taskId, String targetName, String targetCode, List<ItemView> itemViews,
                                  List<String> staffNos, String title) {
        TaskView task = task(taskId);
        List<String> names = names(staffNos);
        return documents.issue(KIND, code, title, department(taskId), Map.of(
                "code", code,
                "targetName", targetName,
                "targetCode", targetCode,
                "taskStart", task.start().toString(),
                "taskEnd", task.end().toString(),
                "items", itemViews,
                "inspectors", names));
    }

    /** "zf001|王伟（执法证号 22000001）;…": the drawn inspectors as the on-site form offers them. */
    String choices(List<String> staffNos) {
        List<String> names = names(staffNos);
        List<String> choices = new java.util.ArrayList<>();
        for (int i = 0; i < staffNos.size(); i++) {
            choices.add(staffNos.get(i) + "|" + names.get(i).replace(";", "；").replace("|", "｜"));
        }
        return String.join(";", choices);
    }

    List<String> names(List<String> staffNos) {
        List<String> unknown = staffNos.stream().filter(s -> !inspectorNames.containsKey(s)).toList();
        if (!unknown.isEmpty()) {
            inspectors.cards(unknown).values().forEach(c -> inspectorNames.put(c.staffNo(), c.name() + "（执法证号 " + c.certificateNo() + "）"));
        }
        return staffNos.stream().map(s -> inspectorNames.getOrDefault(s, s)).toList();
    }

    /** A joint draw checks a target for the items of every task in the group whose scope holds it. */
    List<ItemView> itemsOf(long taskId, List<String> codes) {
        return (codes.isEmpty() ? task(taskId).itemCodes() : codes).stream()
                .map(c -> itemsByCode.computeIfAbsent(c, k -> items.byCode(k).orElse(null)))
                .filter(java.util.Objects::nonNull).toList();
    }

    /** The department whose series numbers the task's documents (the bureau's when the task names none). */
    String department(long taskId) {
        return task(taskId).leadDepartment();
    }

    private TaskView task(long taskId) {
        if (System.nanoTime() - cachedSince > 60_000_000_000L) {
            tasks.clear();
            itemsByCode.clear();
            inspectorNames.clear();
            cachedSince = System.nanoTime();
        }
        return tasks.computeIfAbsent(taskId, plans::task);
    }
}
