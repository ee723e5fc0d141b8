package cn.spotcheck.catalog;

import java.io.InputStream;
import java.sql.Array;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.identity.CurrentUser;
import cn.spotcheck.system.FieldMessage;

/**
 * Imports the target directory from the spreadsheet bureaus keep: streamed row by row, validated, upserted by
 * USCC (or other registration number) in batches, every change written to the history, every row accounted for.
 */
@Service
public class TargetImport {

    static final LinkedHashMap<String, String> REQUIRED = new LinkedHashMap<>();
    static final Map<String, String> OPTIONAL = Map.of("registrationNo", "其他登记号", "address", "地址",
            "legalRepresentative", "法定代表人");

    static {
        REQUIRED.put("uscc", "统一社会信用代码");
        REQUIRED.put("name", "名称");
        REQUIRED.put("category", "类别");
        REQUIRED.put("region", "区域");
        REQUIRED.put("creditLevel", "信用等级");
        REQUIRED.put("tags", "标注");
        REQUIRED.put("status", "经营状态");
    }

    private static final int BATCH = 1000;
    private static final String SEP = "\u001F";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final CatalogVocabulary vocabulary;
    private final CatalogHistory history;

    TargetImport(JdbcTemplate jdbc, TransactionTemplate transaction, CatalogVocabulary vocabulary, CatalogHistory history) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.vocabulary = vocabulary;
        this.history = history;
    }

    public ImportReport run(String fileName, InputStream in) {
        Run run = new Run(new TargetRules(vocabulary), CurrentUser.id(), Timestamp.from(BureauTime.now()));
        return transaction.execute(status -> {
            SpreadsheetReader.read(fileName, in, run::header, run::row);
            run.flush();
            return run.report();
        });
    }

    private final class Run {
        private final TargetRules rules;
        private final String actor;
        private final Timestamp now;
        private ImportColumns columns;
        private final Map<String, Integer> firstRowOfKey = new HashMap<>();
        private final List<TargetData> batch = new ArrayList<>(BATCH);
        private final List<ImportReport.Rejection> rejected = new ArrayList<>();
        private int total;
        private int imported;
        private int updated;
        private int unchanged;
        private int blank;
        private int rejectedRows;

        Run(TargetRules rules, String actor, Timestamp now) {
            this.rules = rules;
            this.actor = actor;
            this.now = now;
        }

        void header(List<String> cells) {
            columns = new ImportColumns(cells, REQUIRED, OPTIONAL);
        }

        void row(SpreadsheetRow row) {
            if (row.isBlank()) {
                blank++;
                return;
            }
            total++;
            TargetInput input = new TargetInput(columns.get(row, "uscc"), columns.get(row, "registrationNo"),
                    columns.get(row, "name"), columns.get(row, "category"), columns.get(row, "region"),
                    columns.get(row, "address"), columns.get(row, "legalRepresentative"), columns.get(row, "creditLevel"),
                    ImportColumns.splitList(columns.get(row, "tags")), columns.get(row, "status"));
            Validated<TargetData> result = rules.validate(input);
            if (!result.isValid()) {
                reject(row.number(), result.errors(), input.uscc());
                return;
            }
            TargetData data = result.value();
            Integer earlier = firstRowOfKey.putIfAbsent(data.key(), row.number());
            if (earlier != null) {
                reject(row.number(), List.of(new FieldMessage("uscc", "与第 " + earlier + " 行的代码重复：" + data.key())), null);
                return;
            }
            batch.add(data);
            if (batch.size() == BATCH) {
                flush();
            }
        }

        private void reject(int rowNumber, List<FieldMessage> errors, String rawUscc) {
            rejectedRows++;
            for (FieldMessage e : errors) {
                String message = e.message();
                if ("uscc".equals(e.field()) && rawUscc != null && rawUscc.matches("[0-9.]+E\\d+")) {
                    message += "（Excel 把代码当成了数字，请把该列设为“文本”格式后重新录入）";
                }
                rejected.add(new ImportReport.Rejection(rowNumber, columns.headerOf(e.field(), "uscc"), message));
            }
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            Map<String, Existing> existing = existing(batch);
            List<TargetData> inserts = new ArrayList<>();
            List<Object[]> historyRows = new ArrayList<>();
            List<Existing> updates = new ArrayList<>();
            for (TargetData row : batch) {
                Existing old = existing.get(row.key());
                TargetData data = old == null ? row : keepingAbsentColumns(old.data(), row);
                if (old == null) {
                    inserts.add(data);
                } else if (old.data().snapshot().equals(data.snapshot())) {
                    unchanged++;
                } else {
                    updates.add(new Existing(old.id(), data));
                    historyRows.add(history.row(Register.TARGET, old.id(), CatalogHistory.IMPORTED, actor, now,
                            old.data().snapshot(), data.snapshot()));
                }
            }
            if (!inserts.isEmpty()) {
                Map<String, Long> ids = insert(inserts);
                for (TargetData data : inserts) {
                    historyRows.add(history.row(Register.TARGET, ids.get(data.key()), "IMPORT_CREATE", actor, now, null, data.snapshot()));
                }
                imported += inserts.size();
            }
            if (!updates.isEmpty()) {
                update(updates);
                updated += updates.size();
            }
            history.insertRows(historyRows);
            batch.clear();
        }

        /** A column the file does not have leaves the stored value alone; only a present, empty cell clears it. */
        private TargetData keepingAbsentColumns(TargetData stored, TargetData row) {
            return new TargetData(row.uscc(),
                    columns.has("registrationNo") ? row.registrationNo() : stored.registrationNo(),
                    row.name(), row.category(), row.region(),
                    columns.has("address") ? row.address() : stored.address(),
                    columns.has("legalRepresentative") ? row.legalRepresentative() : stored.legalRepresentative(),
                    row.status(), row.creditLevel(), row.tags());
        }

        ImportReport report() {
            return new ImportReport(total, imported, updated, unchanged, blank, List.copyOf(rejected), rejectedRows,
                    ImportReport.POLICY, columns == null ? List.of() : columns.ignored());
        }

        private Map<String, Existing> existing(List<TargetData> rows) {
            String[] usccs = rows.stream().map(TargetData::uscc).filter(java.util.Objects::nonNull).toArray(String[]::new);
            String[] regs = rows.stream().map(TargetData::registrationNo).filter(java.util.Objects::nonNull).toArray(String[]::new);
            Map<String, Existing> found = new HashMap<>();
            jdbc.query("""
                    select id, uscc, registration_no, name, category, region, address, legal_representative,
                           operating_status, credit_level, tags
                    from spotcheck.target where uscc = any(?) or registration_no = any(?)""",
                    ps -> {
                        ps.setArray(1, ps.getConnection().createArrayOf("bpchar", usccs));
                        ps.setArray(2, ps.getConnection().createArrayOf("varchar", regs));
                    },
                    rs -> {
                        Array tags = rs.getArray("tags");
                        String uscc = rs.getString("uscc");
                        TargetData data = new TargetData(uscc == null ? null : uscc.trim(), rs.getString("registration_no"),
                                rs.getString("name"), rs.getString("category"), rs.getString("region"), rs.getString("address"),
                                rs.getString("legal_representative"), rs.getString("operating_status"),
                                rs.getString("credit_level"), Arrays.asList((String[]) tags.getArray()));
                        found.put(data.key(), new Existing(rs.getLong("id"), data));
                    });
            return found;
        }

        private Map<String, Long> insert(List<TargetData> rows) {
            Map<String, Long> ids = new HashMap<>();
            jdbc.query("""
                    insert into spotcheck.target (uscc, registration_no, name, category, region, address,
                        legal_representative, operating_status, credit_level, tags, created_at, updated_at)
                    select u.uscc, u.reg, u.name, u.category, u.region, u.address, u.rep, u.status, u.credit,
                           case when u.tags = '' then '{}'::text[] else string_to_array(u.tags, E'\\x1F') end, ?, ?
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                         as u(uscc, reg, name, category, region, address, rep, status, credit, tags)
                    returning id, coalesce(trim(uscc), registration_no)""",
                    ps -> {
                        ps.setTimestamp(1, now);
                        ps.setTimestamp(2, now);
                        setColumns(ps, 3, rows);
                    },
                    rs -> {
                        ids.put(rs.getString(2), rs.getLong(1));
                    });
            return ids;
        }

        private void update(List<Existing> rows) {
            List<TargetData> data = rows.stream().map(Existing::data).toList();
            jdbc.update("""
                    update spotcheck.target t set uscc = u.uscc, registration_no = u.reg, name = u.name,
                        category = u.category, region = u.region, address = u.address, legal_representative = u.rep,
                        operating_status = u.status, credit_level = u.credit,
                        tags = case when u.tags = '' then '{}'::text[] else string_to_array(u.tags, E'\\x1F') end,
                        updated_at = ?, version = t.version + 1
                    from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                         as u(id, uscc, reg, name, category, region, address, rep, status, credit, tags)
                    where t.id = u.id""",
                    ps -> {
                        ps.setTimestamp(1, now);
                        ps.setArray(2, ps.getConnection().createArrayOf("bigint", rows.stream().map(Existing::id).toArray(Long[]::new)));
                        setColumns(ps, 3, data);
                    });
        }

        private void setColumns(java.sql.PreparedStatement ps, int first, List<TargetData> rows) throws java.sql.SQLException {
            var con = ps.getConnection();
            List<java.util.function.Function<TargetData, String>> getters = List.of(TargetData::uscc, TargetData::registrationNo,
                    TargetData::name, TargetData::category, TargetData::region, TargetData::address,
                    TargetData::legalRepresentative, TargetData::status, TargetData::creditLevel,
                    d -> String.join(SEP, d.tags()));
            for (int i = 0; i < getters.size(); i++) {
                var getter = getters.get(i);
                ps.setArray(first + i, con.createArrayOf("text", rows.stream().map(getter).toArray(String[]::new)));
            }
        }
    }

    private record Existing(long id, TargetData data) {
    }
}
