package cn.spotcheck.catalog;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.system.FieldMessage;

/**
 * Imports the inspector directory (a few thousand rows at most) from a spreadsheet, upserting by staff number,
 * every change in the history, every row accounted for.
 */
@Service
class InspectorImport {

    static final LinkedHashMap<String, String> REQUIRED = new LinkedHashMap<>();

    static {
        REQUIRED.put("staffNo", "工号");
        REQUIRED.put("name", "姓名");
        REQUIRED.put("department", "部门");
        REQUIRED.put("position", "职务");
        REQUIRED.put("certificateNo", "执法证号");
        REQUIRED.put("certificateValidUntil", "执法证有效期至");
        REQUIRED.put("enforcementYears", "执法年限");
        REQUIRED.put("expertise", "专业领域");
        REQUIRED.put("status", "状态");
    }

    private final InspectorRepository repository;
    private final CatalogHistory history;
    private final TransactionTemplate transaction;

    InspectorImport(InspectorRepository repository, CatalogHistory history, TransactionTemplate transaction) {
        this.repository = repository;
        this.history = history;
        this.transaction = transaction;
    }

    public ImportReport run(String fileName, InputStream in) {
        return transaction.execute(status -> {
            int[] counts = new int[5]; // total, imported, updated, unchanged, blank
            List<ImportReport.Rejection> rejected = new ArrayList<>();
            Map<String, Integer> firstRow = new HashMap<>();
            ImportColumns[] columns = new ImportColumns[1];
            int[] rejectedRows = new int[1];
            SpreadsheetReader.read(fileName, in, header -> columns[0] = new ImportColumns(header, REQUIRED, Map.of()), row -> {
                if (row.isBlank()) {
                    counts[4]++;
                    return;
                }
                counts[0]++;
                ImportColumns c = columns[0];
                InspectorInput input = new InspectorInput(c.get(row, "staffNo"), c.get(row, "name"), c.get(row, "department"),
                        c.get(row, "position"), c.get(row, "certificateNo"), c.get(row, "certificateValidUntil"),
                        c.get(row, "enforcementYears"), ImportColumns.splitList(c.get(row, "expertise")), c.get(row, "status"));
                Validated<InspectorData> result = InspectorRules.validate(input);
                List<FieldMessage> errors = new ArrayList<>(result.errors());
                if (result.isValid()) {
                    Integer earlier = firstRow.putIfAbsent(result.value().staffNo(), row.number());
                    if (earlier != null) {
                        errors.add(new FieldMessage("staffNo", "与第 " + earlier + " 行的工号重复：" + result.value().staffNo()));
                    }
                }
                if (!errors.isEmpty()) {
                    rejectedRows[0]++;
                    errors.forEach(e -> rejected.add(new ImportReport.Rejection(row.number(), c.headerOf(e.field(), "staffNo"), e.message())));
                    return;
                }
                counts[upsert(result.value())]++;
            });
            return new ImportReport(counts[0], counts[1], counts[2], counts[3], counts[4], List.copyOf(rejected),
                    rejectedRows[0], ImportReport.POLICY, columns[0] == null ? List.of() : columns[0].ignored());
        });
    }

    /** Returns the index of the counter to increase: 1 created, 2 updated, 3 unchanged. */
    private int upsert(InspectorData data) {
        var existing = repository.findByStaffNo(data.staffNo());
        if (existing.isEmpty()) {
            Inspector created = repository.save(new Inspector(data, BureauTime.now()));
            repository.flush();
            history.record(Register.INSPECTOR, created.getId(), "IMPORT_CREATE", null, data.snapshot());
            return 1;
        }
        Inspector inspector = existing.get();
        var before = inspector.data().snapshot();
        if (before.equals(data.snapshot())) {
            return 3;
        }
        inspector.apply(data, BureauTime.now());
        history.record(Register.INSPECTOR, inspector.getId(), CatalogHistory.IMPORTED, before, data.snapshot());
        return 2;
    }
}
