package cn.spotcheck.draw;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import cn.spotcheck.catalog.CandidateScan;
import cn.spotcheck.catalog.InspectorDirectory;
import cn.spotcheck.inspection.InspectionView;
import cn.spotcheck.inspection.Inspections;
import cn.spotcheck.inspection.LedgerColumn;
import cn.spotcheck.plan.TaskView;

/**
 * The 任务台账 of a spot-check task: every inspection with its target, inspectors, progress and deadlines, what is
 * overdue marked, and the columns other modules keep (the follow-up). Read a page at a time, for the page and for
 * the spreadsheet alike.
 */
@Component
class TaskLedger {

    /** Rows read at a time when the whole ledger is exported. */
    static final int BATCH = 1_000;

    /** One row: the inspection, whom it checks, who checks, whether it is late, and the extra columns' text. */
    record Row(InspectionView inspection, String targetName, String targetCode, List<String> inspectorNames, boolean overdue,
               List<String> extra) {
    }

    private final Inspections inspections;
    private final CandidateScan targets;
    private final InspectorDirectory inspectors;
    private final List<LedgerColumn> columns;

    TaskLedger(Inspections inspections, CandidateScan targets, InspectorDirectory inspectors, List<LedgerColumn> columns) {
        this.inspections = inspections;
        this.targets = targets;
        this.inspectors = inspectors;
        this.columns = columns;
    }

    /** The titles of the extra columns, in the order {@link Row#extra} holds them. */
    List<String> extraTitles() {
        return columns.stream().map(LedgerColumn::title).toList();
    }

    int size(long taskId) {
        return inspections.countOf(taskId);
    }

    List<Row> rows(TaskView task, int offset, int limit, LocalDate today) {
        List<InspectionView> all = inspections.ofTask(task.id(), offset, limit);
        Map<Long, CandidateScan.TargetIdentity> identities = targets.identities(all.stream().map(InspectionView::targetId).toList());
        Set<String> staffNos = new HashSet<>();
        all.forEach(i -> staffNos.addAll(i.inspectorStaffNos()));
        Map<String, String> names = new HashMap<>();
        inspectors.cards(staffNos).forEach((staffNo, card) -> names.put(staffNo, card.name()));
        List<String> codes = all.stream().map(InspectionView::code).toList();
        List<Map<String, String>> extra = columns.stream().map(c -> c.values(codes)).toList();
        return all.stream().map(i -> {
            CandidateScan.TargetIdentity who = identities.get(i.targetId());
            boolean publicationLate = i.publishedAt() == null && i.publicationDueDate() != null && i.publicationDueDate().isBefore(today);
            boolean unfinished = i.inspectionEndDate() == null && task.end().isBefore(today);
            return new Row(i, who == null ? "" : who.name(), who == null ? "" : who.code(),
                    i.inspectorStaffNos().stream().map(s -> names.getOrDefault(s, s)).toList(), publicationLate || unfinished,
                    extra.stream().map(values -> values.getOrDefault(i.code(), "—")).toList());
        }).toList();
    }

    /** Every row of the task's ledger, a batch at a time: a province's task holds tens of thousands. */
    void forEach(TaskView task, LocalDate today, Consumer<Row> sink) {
        for (int offset = 0; ; offset += BATCH) {
            List<Row> batch = rows(task, offset, BATCH, today);
            batch.forEach(sink);
            if (batch.size() < BATCH) {
                return;
            }
        }
    }

    /** The spreadsheet's header, then each row as the spreadsheet writes it. */
    List<String> header() {
        List<String> header = new ArrayList<>(List.of("检查编号", "检查对象", "统一社会信用代码", "执法检查人员", "状态", "是否逾期",
                "现场检查日期", "检查结果", "发现的问题", "公示期限", "公示日期"));
        header.addAll(extraTitles());
        return header;
    }

    static List<Object> cells(Row row) {
        InspectionView i = row.inspection();
        List<Object> cells = new ArrayList<>(java.util.Arrays.asList(i.code(), row.targetName(), row.targetCode(),
                String.join("、", row.inspectorNames()), i.statusName(), row.overdue() ? "逾期" : "",
                text(i.inspectionDate()), i.resultCategory(), i.findings(),
                i.publicationDueDate() == null ? null : i.publicationDueDate() + (i.publicationDueDateProvisional() ? "（暂定）" : ""),
                i.publishedAt() == null ? null : cn.spotcheck.calendar.BureauTime.dayOf(java.util.Date.from(i.publishedAt())).toString()));
        cells.addAll(row.extra());
        return cells;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
