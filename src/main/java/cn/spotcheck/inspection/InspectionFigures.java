package cn.spotcheck.inspection;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the inspections of some spot-check tasks add up to, counted by the database over its indexes, for the
 * supervision group's statistics: a million inspections are summed, never loaded.
 */
@Component
public class InspectionFigures {

    /**
     * The inspections of one task: {@code dispatched} (one per drawn target), {@code inspected} (visited or result
     * entered), {@code published}, {@code publishedOnTime} (by the deadline its publication step was given),
     * {@code withFindings} (a result whose category is a finding).
     */
    public record Counts(long dispatched, long inspected, long published, long publishedOnTime, long withFindings) {

        public static final Counts NONE = new Counts(0, 0, 0, 0, 0);

        public Counts plus(Counts other) {
            return new Counts(dispatched + other.dispatched, inspected + other.inspected, published + other.published,
                    publishedOnTime + other.publishedOnTime, withFindings + other.withFindings);
        }
    }

    /** Inspected and findings among the targets drawn at one credit level ({@code null}: not recorded). */
    public record LevelCounts(String creditLevel, long inspected, long withFindings) {
    }

    /** Inspected and findings for one item (an inspection of several items counts for each). */
    public record ItemCounts(String itemCode, long inspected, long withFindings) {
    }

    /** Per item checked. */
    public List<ItemCounts> byItem(Collection<Long> taskIds) {
        return jdbc.query("""
                select item.code, count(*) filter (where i.inspection_date is not null or i.result_category is not null),
                       count(*) filter (where c.finding)
                from spotcheck.inspection i cross join lateral unnest(i.item_codes) as item(code)
                     left join spotcheck.result_category c on c.name = i.result_category
                where i.task_id = any(?) group by item.code order by item.code""",
                (rs, n) -> new ItemCounts(rs.getString(1), rs.getLong(2), rs.getLong(3)), (Object) taskIds.toArray(Long[]::new));
    }

    /** How many results of each category were entered, in the categories' own order. */
    public Map<String, Long> byResultCategory(Collection<Long> taskIds) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        jdbc.query("""
                select c.name, count(i.code) from spotcheck.result_category c
                left join spotcheck.inspection i on i.result_category = c.name and i.task_id = any(?)
                group by c.name, c.sort_order order by c.sort_order""", rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        }, (Object) taskIds.toArray(Long[]::new));
        return counts;
    }

    /** One officer's share: inspections on their team, published, and unpublished past the publication deadline. */
    public record OfficerCounts(String staffNo, long assigned, long published, long overdue) {
    }

    private final JdbcTemplate jdbc;

    InspectionFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The tasks' inspections counted per task and, in the same pass over them, per credit level at the draw. */
    public record Summary(Map<Long, Counts> byTask, List<LevelCounts> byCreditLevel) {
    }

    public Map<Long, Counts> byTask(Collection<Long> taskIds) {
        return summary(taskIds, false).byTask();
    }

    /** One read of the inspections for both groupings: a million rows are scanned once, not twice. */
    public Summary summary(Collection<Long> taskIds) {
        return summary(taskIds, true);
    }

    private Summary summary(Collection<Long> taskIds, boolean withLevels) {
        Map<Long, Counts> counts = new HashMap<>();
        List<LevelCounts> levels = new java.util.ArrayList<>();
        jdbc.query("select grouping(i.task_id), i.task_id, " + (withLevels ? "i.credit_level" : "null") + """
                       , count(*),
                       count(*) filter (where i.inspection_date is not null or i.result_category is not null),
                       count(i.published_at),
                       count(*) filter (where i.published_at is not null and i.publication_due_date is not null
                                        and (i.published_at at time zone 'Asia/Shanghai')::date <= i.publication_due_date),
                       count(*) filter (where c.finding)
                from spotcheck.inspection i left join spotcheck.result_category c on c.name = i.result_category
                where i.task_id = any(?) group by\s""" + (withLevels ? "grouping sets ((i.task_id), (i.credit_level))" : "i.task_id")
                        + " order by 1, 3 nulls last",
                rs -> {
                    Counts row = new Counts(rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8));
                    if (rs.getInt(1) == 0) {
                        counts.put(rs.getLong(2), row);
                    } else {
                        levels.add(new LevelCounts(rs.getString(3), row.inspected(), row.withFindings()));
                    }
                }, (Object) taskIds.toArray(Long[]::new));
        return new Summary(counts, levels);
    }

    /** The task each of the inspections named belongs to. */
    public Map<String, Long> tasksOf(Collection<String> codes) {
        Map<String, Long> tasks = new HashMap<>();
        jdbc.query("select code, task_id from spotcheck.inspection where code = any(?)", rs -> {
            tasks.put(rs.getString(1), rs.getLong(2));
        }, (Object) codes.toArray(String[]::new));
        return tasks;
    }

    /** Per officer drawn for the tasks, most assigned first; overdue as of {@code today}. */
    public List<OfficerCounts> byOfficer(Collection<Long> taskIds, LocalDate today) {
        return jdbc.query("""
                select o.staff_no, count(*), count(i.published_at),
                       count(*) filter (where i.published_at is null and i.publication_due_date < ? and i.status <> 'CLOSED')
                from spotcheck.inspection i cross join lateral unnest(i.inspector_staff_nos) as o(staff_no)
                where i.task_id = any(?) group by o.staff_no order by count(*) desc, o.staff_no""",
                (rs, n) -> new OfficerCounts(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                Date.valueOf(today), taskIds.toArray(Long[]::new));
    }
}
