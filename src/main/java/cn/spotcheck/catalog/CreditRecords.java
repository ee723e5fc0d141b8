package cn.spotcheck.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.identity.CurrentUser;

/**
 * A target's credit record (结果运用, 信用分类监管): every published finding enters it and lowers the target's credit
 * level (towards D, which raises its next sampling ratio), putting it under 重点监管 at C or D. A finding put right — a
 * clean result published since, or its rectification completed — is repaired once {@link CreditRules#repairAfter()}
 * has passed without a newer finding: the level goes back one step, never above where it was before the finding,
 * and the tag the finding added comes off at A or B. Every move is kept in the target's history.
 */
@Service("creditRecords")
public class CreditRecords {

    private static final List<String> LEVELS = List.of("A", "B", "C", "D");

    private final JdbcTemplate jdbc;
    private final CatalogHistory history;
    private final CreditRules rules;

    CreditRecords(JdbcTemplate jdbc, CatalogHistory history, CreditRules rules) {
        this.jdbc = jdbc;
        this.history = history;
        this.rules = rules;
    }

    /** One finding on record: the level it found and left, whether it was put right, and when it was repaired. */
    public record Entry(String inspectionCode, String resultCategory, Instant recordedAt, String levelBefore, String levelAfter,
                        Instant putRightAt, String putRightBy, Instant repairedAt) {
    }

    /** A published finding; recording the same inspection twice changes nothing. */
    public void record(long targetId, String inspectionCode, String resultCategory) {
        List<String> levels = jdbc.queryForList("select credit_level from spotcheck.target where id = ? for update", String.class, targetId);
        String before = levels.isEmpty() ? null : levels.get(0);
        int i = LEVELS.indexOf(before);
        String after = i < 0 ? before : LEVELS.get(Math.min(LEVELS.size() - 1, i + rules.levelsPerFinding()));
        boolean tag = after != null && isKeySupervised(after) && !hasTag(targetId);
        int inserted = jdbc.update("insert into spotcheck.credit_record (target_id, inspection_code, result_category, recorded_at, level_before, "
                        + "level_after, tagged) values (?,?,?,?,?,?,?) on conflict (inspection_code) do nothing",
                targetId, inspectionCode, resultCategory, Timestamp.from(BureauTime.now()), before, after, tag);
        if (inserted == 0 || before == null || before.equals(after)) {
            return;
        }
        move(targetId, before, after, tag, false, "公示检查结果 " + inspectionCode);
    }

    /**
     * The target's findings so far are put right ({@code why}: a clean result since, a completed rectification). They
     * are repaired once the period has passed without a newer finding.
     */
    public void putRight(long targetId, String why) {
        jdbc.update("update spotcheck.credit_record set put_right_at = ?, put_right_by = ? where target_id = ? and put_right_at is null "
                + "and repaired_at is null", Timestamp.from(BureauTime.now()), why, targetId);
    }

    /** One finding put right (its rectification completed). */
    public void putRight(String inspectionCode, String why) {
        jdbc.update("update spotcheck.credit_record set put_right_at = ?, put_right_by = ? where inspection_code = ? and put_right_at is null",
                Timestamp.from(BureauTime.now()), why, inspectionCode);
    }

    /**
     * 信用修复, run each morning by {@code task-scheduler.bpmn}: every finding put right, older than the period and with
     * no newer finding still unrepaired on the same target, gives one level back. Answers how many were repaired.
     */
    @Transactional
    public int repairDue() {
        Timestamp cutoff = Timestamp.from(BureauTime.today().minus(rules.repairAfter()).atStartOfDay(BureauTime.ZONE).toInstant());
        List<Object[]> due = jdbc.query("""
                select c.id, c.target_id, c.inspection_code, c.level_before, c.level_after, c.tagged, t.credit_level
                from spotcheck.credit_record c join spotcheck.target t on t.id = c.target_id
                where c.repaired_at is null and c.put_right_at is not null and c.recorded_at <= ?
                  and not exists (select 1 from spotcheck.credit_record n where n.target_id = c.target_id and n.recorded_at > c.recorded_at
                                  and n.repaired_at is null)
                order by c.recorded_at for update of c, t""", (rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getString(7)}, cutoff);
        int repaired = 0;
        for (Object[] row : due) {
            long targetId = (Long) row[1];
            String before = (String) row[3];
            String current = (String) row[6];
            int now = LEVELS.indexOf(current);
            String back = now > 0 && LEVELS.indexOf(before) < now ? LEVELS.get(now - 1) : current;
            jdbc.update("update spotcheck.credit_record set repaired_at = ? where id = ?", Timestamp.from(BureauTime.now()), row[0]);
            if (back != null && !back.equals(current)) {
                move(targetId, current, back, false, (Boolean) row[5] && !isKeySupervised(back), "信用修复：" + row[2] + " 已整改，满 "
                        + rules.repairAfter().toTotalMonths() + " 个月无新问题");
                repaired++;
            }
        }
        return repaired;
    }

    /** A target with repeated findings (预警): how many since when, the last one, and its level now. */
    public record Warning(long targetId, String name, String code, String creditLevel, long findings, Instant lastFinding, String category) {
    }

    /** Targets with at least {@code minFindings} findings recorded since {@code since}, the most first. */
    public List<Warning> repeatedFindings(Instant since, int minFindings) {
        return jdbc.query("""
                select t.id, t.name, coalesce(trim(t.uscc), t.registration_no), t.credit_level, count(*), max(c.recorded_at), t.category
                from spotcheck.credit_record c join spotcheck.target t on t.id = c.target_id
                where c.recorded_at >= ? group by t.id, t.name, t.uscc, t.registration_no, t.credit_level, t.category having count(*) >= ?
                order by count(*) desc, max(c.recorded_at) desc limit 200""",
                (rs, i) -> new Warning(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getTimestamp(6).toInstant(), rs.getString(7)), Timestamp.from(since), minFindings);
    }

    public List<Entry> of(long targetId) {
        return jdbc.query("select inspection_code, result_category, recorded_at, level_before, level_after, put_right_at, put_right_by, "
                        + "repaired_at from spotcheck.credit_record where target_id = ? order by id",
                (rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5),
                        instant(rs.getTimestamp(6)), rs.getString(7), instant(rs.getTimestamp(8))), targetId);
    }

    private void move(long targetId, String from, String to, boolean addTag, boolean removeTag, String why) {
        String tag = rules.keySupervisionTag();
        jdbc.update("update spotcheck.target set credit_level = ?, tags = case when ? and not (? = any(tags)) then array_append(tags, ?) "
                        + "when ? then array_remove(tags, ?) else tags end, updated_at = ?, version = version + 1 where id = ?",
                to, addTag, tag, tag, removeTag, tag, Timestamp.from(BureauTime.now()), targetId);
        String person = CurrentUser.id();
        String actor = (CurrentUser.SYSTEM.equals(person) ? "流程" : person) + "（" + why + "）";
        history.record(Register.TARGET, targetId, CatalogHistory.UPDATED, Target.ordered("creditLevel", from),
                Target.ordered("creditLevel", to), actor);
    }

    private boolean hasTag(long targetId) {
        Boolean has = jdbc.queryForObject("select ? = any(tags) from spotcheck.target where id = ?", Boolean.class, rules.keySupervisionTag(), targetId);
        return Boolean.TRUE.equals(has);
    }

    private static boolean isKeySupervised(String level) {
        return "C".equals(level) || "D".equals(level);
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
