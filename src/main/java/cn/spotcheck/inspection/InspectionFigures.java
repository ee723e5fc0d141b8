package cn.spotcheck.inspection;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the inspections of some spot-check tasks add up to, counted by the database over its indexes, for the
 * supervision group's statistics: a million inspections are summed, never loaded.
 */
@Component
public class InspectionFigures {

    /**
     * A number of inspections: {@code dispatched} (one per drawn target), {@code inspected} (visited or result
     * entered), {@code published}, {@code publishedOnTime} (by the deadline its publication step was given),
     * {@code withFindings} (a result whose category is a finding), {@code followUpsOpen} (a follow-up still under way),
     * {@code followUpsClosed} (one closed), {@code handoversAcknowledged} (a handover or referral the receiving
     * authority has acknowledged).
     */
    public record Counts(long dispatched, long inspected, long published, long publishedOnTime, long withFindings, long followUpsOpen,
                         long followUpsClosed, long handoversAcknowledged) {

        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0);

        public Counts plus(Counts other) {
            return new Counts(dispatched + other.dispatched, inspected + other.inspected, published + other.published,
                    publishedOnTime + other.publishedOnTime, withFindings + other.withFindings, followUpsOpen + other.followUpsOpen,
                    followUpsClosed + other.followUpsClosed, handoversAcknowledged + other.handoversAcknowledged);
        }
    }

    /**
     * The inspections of one task alike in credit level at the draw ({@code null}: not recorded), result category
     * ({@code null}: none yet) and the items checked: the smallest cell every table of the statistics is summed from.
     */
    public record Cell(long taskId, String creditLevel, String resultCategory, List<String> itemCodes, Counts counts) {
    }

    /** One officer's share in one task: inspections on their team, published, and unpublished past the deadline. */
    public record OfficerCounts(long taskId, String staffNo, long assigned, long published, long overdue) {
    }

    private final JdbcTemplate jdbc;

    InspectionFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The tasks' inspections in cells, in one pass over them (a year of a million inspections is read once, whatever
     * the page then groups it by). {@code followUps}: each follow-up's state by inspection code ({@code OPEN},
     * {@code CLOSED}, {@code ACKNOWLEDGED}).
     */
    public List<Cell> cells(Collection<Long> taskIds, java.util.Map<String, String> followUps) {
        return jdbc.query("""
                select i.task_id, i.credit_level, i.result_category, i.item_codes, count(*),
                       count(*) filter (where i.inspection_date is not null or i.result_category is not null),
                       count(i.published_at),
                       count(*) filter (where i.published_at is not null and i.publication_due_date is not null
                                        and (i.published_at at time zone 'Asia/Shanghai')::date <= i.publication_due_date),
                       count(*) filter (where c.finding), count(*) filter (where f.state = 'OPEN'),
                       count(*) filter (where f.state in ('CLOSED', 'ACKNOWLEDGED')), count(*) filter (where f.state = 'ACKNOWLEDGED')
                from spotcheck.inspection i left join spotcheck.result_category c on c.name = i.result_category
                     left join unnest(?::text[], ?::text[]) as f(code, state) on f.code = i.code
                where i.task_id = any(?) group by 1, 2, 3, 4""",
                (rs, n) -> new Cell(rs.getLong(1), rs.getString(2), rs.getString(3),
                        List.of((String[]) rs.getArray(4).getArray()),
                        new Counts(rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                                rs.getLong(11), rs.getLong(12))),
                followUps.keySet().toArray(String[]::new), followUps.values().toArray(String[]::new), taskIds.toArray(Long[]::new));
    }

    /** Per task and officer drawn for it; overdue as of {@code today}. */
    public List<OfficerCounts> byOfficer(Collection<Long> taskIds, LocalDate today) {
        return jdbc.query("""
                select i.task_id, o.staff_no, count(*), count(i.published_at),
                       count(*) filter (where i.published_at is null and i.publication_due_date < ? and i.status <> 'CLOSED')
                from spotcheck.inspection i cross join lateral unnest(i.inspector_staff_nos) as o(staff_no)
                where i.task_id = any(?) group by 1, 2""",
                (rs, n) -> new OfficerCounts(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)),
                Date.valueOf(today), taskIds.toArray(Long[]::new));
    }
}
