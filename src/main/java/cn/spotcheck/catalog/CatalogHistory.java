package cn.spotcheck.catalog;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.identity.CurrentUser;

/**
 * 动态调整: keeps every change to the registers (who, when, old → new per field) and lists it per record.
 * Unchanged fields are not written; a change that changes nothing is not recorded at all.
 */
@Service
class CatalogHistory {

    static final String CREATED = "CREATE";
    static final String UPDATED = "UPDATE";
    static final String IMPORTED = "IMPORT";
    private static final Map<String, String> ACTION_NAMES = Map.of(CREATED, "新增", UPDATED, "修改",
            IMPORTED, "导入更新", "IMPORT_CREATE", "导入新增");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    CatalogHistory(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<HistoryEntry> of(Register register, long recordId) {
        return jdbc.query("""
                select action, changed_by, changed_at, changes from spotcheck.change_record
                where register = ? and record_id = ? order by id desc""",
                (rs, i) -> new HistoryEntry(rs.getString(1), ACTION_NAMES.getOrDefault(rs.getString(1), rs.getString(1)),
                        rs.getString(2), rs.getTimestamp(3).toInstant(), parse(rs.getString(4))),
                register.name(), recordId);
    }

    /** Records the change from {@code before} (null for a new record) to {@code after}; false if nothing changed. */
    boolean record(Register register, long recordId, String action, Map<String, Object> before, Map<String, Object> after) {
        return record(register, recordId, action, before, after, CurrentUser.id());
    }

    /** The same, naming who or what made the change (a process step when no person did). */
    boolean record(Register register, long recordId, String action, Map<String, Object> before, Map<String, Object> after, String actor) {
        Map<String, Object[]> diff = diff(before, after);
        if (diff.isEmpty()) {
            return false;
        }
        jdbc.update("insert into spotcheck.change_record (register, record_id, action, changed_by, changed_at, changes) values (?,?,?,?,?,?::jsonb)",
                register.name(), recordId, action, actor, Timestamp.from(BureauTime.now()), write(diff));
        return true;
    }

    /** The rows for a batch insert of changes, for imports; null when nothing changed. */
    Object[] row(Register register, long recordId, String action, String actor, Timestamp at,
                 Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object[]> diff = diff(before, after);
        return diff.isEmpty() ? null : new Object[] {register.name(), recordId, action, actor, at, write(diff)};
    }

    void insertRows(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into spotcheck.change_record (register, record_id, action, changed_by, changed_at, changes) values (?,?,?,?,?,?::jsonb)", rows);
        }
    }

    static Map<String, Object[]> diff(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object[]> diff = new LinkedHashMap<>();
        after.forEach((field, newValue) -> {
            Object oldValue = before == null ? null : before.get(field);
            if (!Objects.equals(normal(oldValue), normal(newValue))) {
                diff.put(field, new Object[] {normal(oldValue), normal(newValue)});
            }
        });
        return diff;
    }

    private static Object normal(Object value) {
        if (value instanceof List<?> list && list.isEmpty()) {
            return null;
        }
        return value == null ? null : value instanceof Number || value instanceof Boolean || value instanceof List ? value : value.toString();
    }

    private String write(Map<String, Object[]> diff) {
        try {
            return json.writeValueAsString(diff);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<HistoryEntry.FieldChange> parse(String changes) {
        try {
            Map<String, List<Object>> map = json.readValue(changes, new TypeReference<LinkedHashMap<String, List<Object>>>() { });
            List<HistoryEntry.FieldChange> result = new ArrayList<>();
            map.forEach((field, values) -> result.add(new HistoryEntry.FieldChange(field, FieldLabels.of(field), values.get(0), values.get(1))));
            // jsonb keeps its own key order; show fields in the order the record is read.
            result.sort(java.util.Comparator.comparingInt(c -> FieldLabels.orderOf(c.field())));
            return result;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
