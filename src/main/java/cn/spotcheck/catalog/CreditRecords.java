package cn.spotcheck.catalog;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.identity.CurrentUser;

/**
 * A target's credit record: every published finding enters it and moves the target's credit risk level one step
 * towards D, which raises its next sampling ratio (信用分类监管). The move is kept in the target's history.
 */
@Service
public class CreditRecords {

    private static final List<String> LEVELS = List.of("A", "B", "C", "D");

    private final JdbcTemplate jdbc;
    private final CatalogHistory history;

    CreditRecords(JdbcTemplate jdbc, CatalogHistory history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    public record Entry(String inspectionCode, String resultCategory, java.time.Instant recordedAt) {
    }

    public void record(long targetId, String inspectionCode, String resultCategory) {
        Integer existing = jdbc.queryForObject("select count(*) from spotcheck.credit_record where inspection_code = ?",
                Integer.class, inspectionCode);
        if (existing != null && existing > 0) {
            return;
        }
        jdbc.update("insert into spotcheck.credit_record (target_id, inspection_code, result_category, recorded_at) values (?,?,?,?)",
                targetId, inspectionCode, resultCategory, Timestamp.from(BureauTime.now()));
        List<String> levels = jdbc.queryForList("select credit_level from spotcheck.target where id = ?", String.class, targetId);
        if (levels.isEmpty()) {
            return;
        }
        String level = levels.get(0);
        int i = LEVELS.indexOf(level);
        if (i >= 0 && i < LEVELS.size() - 1) {
            String lower = LEVELS.get(i + 1);
            jdbc.update("update spotcheck.target set credit_level = ?, updated_at = ?, version = version + 1 where id = ?",
                    lower, Timestamp.from(BureauTime.now()), targetId);
            String person = CurrentUser.id();
            String actor = (CurrentUser.SYSTEM.equals(person) ? "流程" : person) + "（公示检查结果 " + inspectionCode + "）";
            history.record(Register.TARGET, targetId, CatalogHistory.UPDATED,
                    Target.ordered("creditLevel", level), Target.ordered("creditLevel", lower), actor);
        }
    }

    public List<Entry> of(long targetId) {
        return jdbc.query("select inspection_code, result_category, recorded_at from spotcheck.credit_record where target_id = ? order by id",
                (rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()), targetId);
    }
}
