package cn.spotcheck.inspection;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.calendar.DeadlineMoved;
import cn.spotcheck.calendar.WorkingDays;
import cn.spotcheck.system.ApiException;

/**
 * The inspections and what the {@code inspection} diagram records in them at each step (through
 * {@link InspectionProcess}). Rows are opened by the diagram's start listener, in the same transaction as the process
 * instance, so one never exists without the other.
 */
@Service("inspections")
public class Inspections {

    private static final String COLUMNS = "code, task_id, target_id, item_codes, status, inspector_staff_nos, inspection_date, "
            + "result_category, findings, inspection_end_date, publication_due_date, published_at, present_officers";

    private final JdbcTemplate jdbc;
    private final ResultCategories resultCategories;
    private final WorkingDays workingDays;
    private final ApplicationEventPublisher events;

    Inspections(JdbcTemplate jdbc, ResultCategories resultCategories, WorkingDays workingDays, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.resultCategories = resultCategories;
        this.workingDays = workingDays;
        this.events = events;
    }

    // --- the steps of the inspection diagram, called by InspectionProcess -------------------------------------

    void open(String code, long spotCheckTaskId, DrawnTarget target, List<String> itemCodes, List<String> inspectorIds, String creditLevel,
              String processInstanceId) {
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into spotcheck.inspection (code, task_id, target_id, item_codes, inspector_staff_nos, "
                    + "status, process_instance_id, created_at, credit_level, target_name, target_code) values (?,?,?,?,?,?,?,?,?,?,?)");
            ps.setString(1, code);
            ps.setLong(2, spotCheckTaskId);
            ps.setLong(3, target.id());
            ps.setArray(4, con.createArrayOf("text", itemCodes.toArray()));
            ps.setArray(5, con.createArrayOf("text", inspectorIds.toArray()));
            ps.setString(6, InspectionStatus.OPEN.name());
            ps.setString(7, processInstanceId);
            ps.setTimestamp(8, Timestamp.from(BureauTime.now()));
            ps.setString(9, creditLevel);
            ps.setString(10, target.name());
            ps.setString(11, target.code());
            return ps;
        });
    }

    /** The target an inspection checks, by the name and code it was drawn under. */
    public record DrawnTarget(long id, String name, String code) {
    }

    /** The target of inspection {@code code}, or empty when there is no such inspection. */
    public java.util.Optional<DrawnTarget> targetOf(String code) {
        return jdbc.query("select target_id, coalesce(target_name, ''), coalesce(target_code, '') from spotcheck.inspection where code = ?",
                (rs, i) -> new DrawnTarget(rs.getLong(1), rs.getString(2), rs.getString(3)), code).stream().findFirst();
    }

    void recordOnSite(String code, LocalDate inspectionDate, List<String> presentOfficers) {
        jdbc.update(con -> {
            var ps = con.prepareStatement("update spotcheck.inspection set status = ?, inspection_date = ?, present_officers = ? where code = ?");
            ps.setString(1, InspectionStatus.INSPECTED.name());
            ps.setDate(2, inspectionDate == null ? null : Date.valueOf(inspectionDate));
            ps.setArray(3, con.createArrayOf("text", presentOfficers.toArray()));
            ps.setString(4, code);
            return ps;
        });
    }

    /** Records the result; the category (checked here) tells the diagram whether a follow-up comes. */
    ResultCategories.Category recordResult(String code, String resultCategory, String findings, LocalDate inspectionEndDate) {
        ResultCategories.Category category = resultCategories.require(resultCategory);
        jdbc.update("update spotcheck.inspection set status = ?, result_category = ?, findings = ?, inspection_end_date = ? where code = ?",
                InspectionStatus.AWAITING_PUBLICATION.name(), resultCategory, findings, Date.valueOf(inspectionEndDate), code);
        return category;
    }

    void publicationRefused(String code, String reason) {
        jdbc.update("update spotcheck.inspection set status = ?, publication_refusal = ?, publication_refused_at = ? where code = ?",
                InspectionStatus.INSPECTED.name(), reason, Timestamp.from(BureauTime.now()), code);
    }

    void publicationDue(String code, LocalDate due) {
        jdbc.update("update spotcheck.inspection set publication_due_date = ? where code = ?", Date.valueOf(due), code);
    }

    /** A running inspection whose team changed. */
    record Reassigned(String code, String processInstanceId, List<String> inspectorIds) {
    }

    /** Replaces an inspector in the team of the target's running inspections (published and closed ones keep theirs). */
    List<Reassigned> reassign(long spotCheckTaskId, long targetId, String replaced, String replacement) {
        return jdbc.query("update spotcheck.inspection set inspector_staff_nos = array_replace(inspector_staff_nos, ?, ?) "
                        + "where task_id = ? and target_id = ? and status not in (?, ?) returning code, process_instance_id, inspector_staff_nos",
                (rs, i) -> new Reassigned(rs.getString(1), rs.getString(2), list(rs.getArray(3))),
                replaced, replacement, spotCheckTaskId, targetId, InspectionStatus.PUBLISHED.name(), InspectionStatus.CLOSED.name());
    }

    /** A publication deadline recomputed on a holiday notice loaded after it was set moves here too. */
    @EventListener
    void deadlineMoved(DeadlineMoved moved) {
        if (InspectionProcess.KEY.equals(moved.processDefinitionKey()) && InspectionProcess.PUBLISH_RESULT.equals(moved.elementId())) {
            jdbc.update("update spotcheck.inspection set publication_due_date = ? where code = ?",
                    Date.valueOf(LocalDate.ofInstant(moved.to(), BureauTime.ZONE)), moved.businessKey());
        }
    }

    /**
     * Published: the inspection counts as done for its task, whatever follow-up continues. Publishing twice is
     * harmless: the second time finds it published, announces nothing and answers false.
     */
    boolean publish(String code) {
        int changed = jdbc.update("update spotcheck.inspection set status = ?, published_at = ? where code = ? and published_at is null",
                InspectionStatus.PUBLISHED.name(), Timestamp.from(BureauTime.now()), code);
        if (changed == 1) {
            InspectionView published = get(code);
            events.publishEvent(new InspectionPublished(code, published.taskId(), published.targetId(), published.itemCodes(),
                    published.resultCategory(), published.inspectionEndDate(), published.publishedAt()));
        }
        return changed == 1;
    }

    /** Closes the inspection (a published one keeps its status) and announces it. */
    void closed(String code) {
        Long taskId = jdbc.queryForObject("update spotcheck.inspection set status = case when status = ? then status else ? end "
                + "where code = ? returning task_id", Long.class, InspectionStatus.PUBLISHED.name(), InspectionStatus.CLOSED.name(), code);
        events.publishEvent(new InspectionClosed(code, taskId));
    }

    // --- queries -------------------------------------------------------------------------------------------

    /** Whether every inspection of the spot-check task is published or closed. */
    public boolean allDone(long spotCheckTaskId) {
        // Asked at every publication and closure: the statuses written out, so that PostgreSQL may use the index of
        // the inspections in progress (V29) whatever the plan it keeps for the statement.
        return Boolean.TRUE.equals(jdbc.queryForObject("select not exists (select 1 from spotcheck.inspection where task_id = ? and status not in ('"
                + InspectionStatus.PUBLISHED.name() + "', '" + InspectionStatus.CLOSED.name() + "'))", Boolean.class, spotCheckTaskId));
    }

    /** The codes of the inspections already started for a spot-check task. */
    public Set<String> codesOf(long spotCheckTaskId) {
        return new HashSet<>(jdbc.queryForList("select code from spotcheck.inspection where task_id = ?", String.class, spotCheckTaskId));
    }

    public boolean exists(String code) {
        Integer n = jdbc.queryForObject("select count(*) from spotcheck.inspection where code = ?", Integer.class, code);
        return n != null && n > 0;
    }

    public List<InspectionView> ofTask(long taskId) {
        return jdbc.query("select " + COLUMNS + " from spotcheck.inspection where task_id = ? order by code",
                (rs, i) -> view(rs), taskId);
    }

    /** One page of a task's inspections, in code order. */
    public List<InspectionView> ofTask(long taskId, int offset, int limit) {
        return jdbc.query("select " + COLUMNS + " from spotcheck.inspection where task_id = ? order by code offset ? limit ?",
                (rs, i) -> view(rs), taskId, offset, limit);
    }

    public int countOf(long taskId) {
        Integer n = jdbc.queryForObject("select count(*) from spotcheck.inspection where task_id = ?", Integer.class, taskId);
        return n == null ? 0 : n;
    }

    /** The teams of the inspections named, by code. */
    public Map<String, List<String>> inspectorsOf(Collection<String> codes) {
        Map<String, List<String>> teams = new java.util.HashMap<>();
        jdbc.query("select code, inspector_staff_nos from spotcheck.inspection where code = any(?)", rs -> {
            teams.put(rs.getString(1), List.of((String[]) rs.getArray(2).getArray()));
        }, (Object) codes.toArray(String[]::new));
        return teams;
    }

    /** The process instance an inspection runs in (for Cockpit), if it was started. */
    public java.util.Optional<String> processInstanceOf(String code) {
        return jdbc.queryForList("select process_instance_id from spotcheck.inspection where code = ?", String.class, code)
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    public InspectionView get(String code) {
        List<InspectionView> found = jdbc.query("select " + COLUMNS + " from spotcheck.inspection where code = ?",
                (rs, i) -> view(rs), code);
        if (found.isEmpty()) {
            throw ApiException.notFound("检查 " + code + " 不存在");
        }
        return found.get(0);
    }

    /** Results not published by their deadline (before {@code today}). */
    public List<InspectionView> unpublishedPastDue(LocalDate today) {
        return jdbc.query("select " + COLUMNS + " from spotcheck.inspection where published_at is null "
                + "and publication_due_date < ? order by publication_due_date, code", (rs, i) -> view(rs), Date.valueOf(today));
    }

    /** Inspections of a task not yet published. */
    public int openCount(long taskId) {
        Integer n = jdbc.queryForObject("select count(*) from spotcheck.inspection where task_id = ? and published_at is null",
                Integer.class, taskId);
        return n == null ? 0 : n;
    }

    /** Targets checked for any of these items since {@code since}: the draw picks them less often (无事不扰). */
    public Set<Long> inspectedSince(Collection<String> itemCodes, LocalDate since) {
        return new HashSet<>(jdbc.queryForList("select distinct target_id from spotcheck.inspection where item_codes && ?::text[] "
                        + "and coalesce(inspection_end_date, created_at::date) >= ?", Long.class,
                itemCodes.toArray(String[]::new), Date.valueOf(since)));
    }

    /** Of {@code targetIds}, those with an inspection (of any item, dispatched or done) on or after {@code since}. */
    public Set<Long> targetsInspectedSince(Collection<Long> targetIds, LocalDate since) {
        return new HashSet<>(jdbc.queryForList("select distinct target_id from spotcheck.inspection where target_id = any(?) "
                + "and coalesce(inspection_end_date, created_at::date) >= ?", Long.class, targetIds.toArray(Long[]::new), Date.valueOf(since)));
    }

    /** For each target, the staff numbers of whoever inspected it last for any of these items. */
    public Map<Long, List<String>> lastInspectors(Collection<String> itemCodes) {
        Map<Long, List<String>> last = new HashMap<>();
        jdbc.query("select distinct on (target_id) target_id, inspector_staff_nos from spotcheck.inspection "
                        + "where item_codes && ?::text[] order by target_id, created_at desc",
                rs -> {
                    last.put(rs.getLong(1), Arrays.asList((String[]) rs.getArray(2).getArray()));
                }, (Object) itemCodes.toArray(String[]::new));
        return last;
    }

    private InspectionView view(ResultSet rs) throws SQLException {
        InspectionStatus status = InspectionStatus.valueOf(rs.getString("status"));
        Timestamp published = rs.getTimestamp("published_at");
        LocalDate due = date(rs.getDate("publication_due_date"));
        return new InspectionView(rs.getString("code"), rs.getLong("task_id"), rs.getLong("target_id"),
                list(rs.getArray("item_codes")), status.name(), status.displayName(), list(rs.getArray("inspector_staff_nos")),
                date(rs.getDate("inspection_date")), rs.getString("result_category"), rs.getString("findings"),
                date(rs.getDate("inspection_end_date")), due, published == null && workingDays.isProvisional(due),
                published == null ? null : published.toInstant(), list(rs.getArray("present_officers")));
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
