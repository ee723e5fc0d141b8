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

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.calendar.DeadlineMoved;
import cn.spotcheck.calendar.WorkingDays;
import cn.spotcheck.system.ApiException;

/**
 * The inspections and what the {@code inspection} diagram records in them at each step. Rows are opened by the
 * diagram's start listener, in the same transaction as the process instance, so one never exists without the other.
 */
@Service("inspections")
public class Inspections {

    /** Correlated to the task's {@code spot-check-task} instance when its last inspection is done. */
    public static final String ALL_DONE_MESSAGE = "inspectionsDone";

    private static final String COLUMNS = "code, task_id, target_id, item_codes, status, inspector_staff_nos, inspection_date, "
            + "result_category, findings, inspection_end_date, publication_due_date, published_at, present_officers";

    private final JdbcTemplate jdbc;
    private final RuntimeService runtimeService;
    private final ResultCategories resultCategories;
    private final WorkingDays workingDays;
    private final TaskService taskService;
    private final InspectionNotices notices;

    Inspections(JdbcTemplate jdbc, RuntimeService runtimeService, ResultCategories resultCategories, WorkingDays workingDays,
                TaskService taskService, InspectionNotices notices) {
        this.taskService = taskService;
        this.notices = notices;
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.resultCategories = resultCategories;
        this.workingDays = workingDays;
    }

    // --- called from the inspection diagram ----------------------------------------------------------------

    public void open(DelegateExecution execution) {
        String code = execution.getBusinessKey();
        if (code == null) {
            throw new IllegalStateException("检查流程必须以检查编号作为业务键启动");
        }
        long taskId = number(execution.getVariable("taskId"), "taskId");
        long targetId = number(execution.getVariable("targetId"), "targetId");
        execution.setVariable("inspectionCode", code);
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into spotcheck.inspection (code, task_id, target_id, item_codes, inspector_staff_nos, "
                    + "status, process_instance_id, created_at) values (?,?,?,?,?,?,?,?)");
            ps.setString(1, code);
            ps.setLong(2, taskId);
            ps.setLong(3, targetId);
            ps.setArray(4, con.createArrayOf("text", strings(execution.getVariable("itemCodes"))));
            ps.setArray(5, con.createArrayOf("text", strings(execution.getVariable("inspectorUserIds"))));
            ps.setString(6, InspectionStatus.OPEN.name());
            ps.setString(7, execution.getProcessInstanceId());
            ps.setTimestamp(8, Timestamp.from(BureauTime.now()));
            return ps;
        });
    }

    /** The visit: its date, and the officers present (those chosen on the form, else the drawn team). */
    public void recordOnSite(DelegateTask task) {
        Object date = task.getVariable("inspectionDate");
        Object first = task.getVariable(OfficersPresentRules.FIRST);
        Object second = task.getVariable(OfficersPresentRules.SECOND);
        String[] present = first != null && second != null ? new String[] {first.toString(), second.toString()}
                : strings(task.getVariable("inspectorUserIds"));
        jdbc.update(con -> {
            var ps = con.prepareStatement("update spotcheck.inspection set status = ?, inspection_date = ?, present_officers = ? where code = ?");
            ps.setString(1, InspectionStatus.INSPECTED.name());
            ps.setDate(2, date == null ? null : Date.valueOf(day(date)));
            ps.setArray(3, con.createArrayOf("text", present));
            ps.setString(4, code(task));
            return ps;
        });
    }

    public void recordResult(DelegateTask task) {
        ResultCategories.Category category = resultCategories.require(task.getVariable("resultCategory"));
        if (task.getVariable("inspectionEndDate") == null) {
            throw new org.camunda.bpm.engine.BadUserRequestException("缺少检查结束日期 inspectionEndDate（YYYY-MM-DD）");
        }
        task.getExecution().setVariable("followUpKind", category.followUp());
        task.getExecution().setVariable("finding", category.finding());
        jdbc.update("update spotcheck.inspection set status = ?, result_category = ?, findings = ?, inspection_end_date = ? where code = ?",
                InspectionStatus.AWAITING_PUBLICATION.name(), text(task.getVariable("resultCategory")),
                text(task.getVariable("findings")), Date.valueOf(day(task.getVariable("inspectionEndDate"))), code(task));
    }

    /** The reviewer's decision is the reviewer's: the form opens without an earlier round's answer. */
    public void openPublicationReview(DelegateTask task) {
        task.getExecution().removeVariable("publicationConfirmed");
        task.getExecution().removeVariable("publicationRefusalReason");
    }

    /** Refused: back to 结果录入, the reviewer's reason kept with the inspection and shown on the officers' form. */
    public void publicationRefused(DelegateExecution execution) {
        Object reason = execution.getVariable("publicationRefusalReason");
        jdbc.update("update spotcheck.inspection set status = ?, publication_refusal = ?, publication_refused_at = ? where code = ?",
                InspectionStatus.INSPECTED.name(), reason == null ? null : reason.toString(), Timestamp.from(BureauTime.now()),
                execution.getProcessBusinessKey());
    }

    /** The publication deadline is whatever due date the diagram gave the publication step. */
    public void publicationDue(DelegateTask task) {
        if (task.getDueDate() != null) {
            jdbc.update("update spotcheck.inspection set publication_due_date = ? where code = ?",
                    Date.valueOf(BureauTime.dayOf(task.getDueDate())), code(task));
        }
    }

    /**
     * An officer replaced after dispatch: the running inspection of {@code targetId} in {@code taskId} moves to the new
     * officer — its record, its process (who may work its open tasks) and a re-issued 检查通知书, the old one marked
     * superseded. The replaced officer no longer sees it; the new one finds it in 我的待办. Nothing to do before dispatch.
     */
    public void replaceInspector(long taskId, long targetId, String replaced, String replacement, String reason) {
        record Moved(String code, String processInstanceId, List<String> officers) {
        }
        List<Moved> running = jdbc.query("update spotcheck.inspection set inspector_staff_nos = array_replace(inspector_staff_nos, ?, ?) "
                        + "where task_id = ? and target_id = ? and status not in (?, ?) returning code, process_instance_id, inspector_staff_nos",
                (rs, i) -> new Moved(rs.getString(1), rs.getString(2), list(rs.getArray(3))),
                replaced, replacement, taskId, targetId, InspectionStatus.PUBLISHED.name(), InspectionStatus.CLOSED.name());
        for (Moved inspection : running) {
            String code = inspection.code();
            String processInstanceId = inspection.processInstanceId();
            List<String> officers = inspection.officers();
            runtimeService.setVariable(processInstanceId, "inspectorUserIds", String.join(",", officers));
            runtimeService.setVariable(processInstanceId, "officerChoices", notices.choices(officers));
            for (org.camunda.bpm.engine.task.Task open : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
                boolean offeredToReplaced = taskService.getIdentityLinksForTask(open.getId()).stream()
                        .anyMatch(l -> replaced.equals(l.getUserId()));
                if (offeredToReplaced) {
                    taskService.deleteCandidateUser(open.getId(), replaced);
                    taskService.addCandidateUser(open.getId(), replacement);
                }
                if (replaced.equals(open.getAssignee())) {
                    taskService.setAssignee(open.getId(), null);
                }
                taskService.createComment(open.getId(), processInstanceId, "执法人员 " + replaced + " 更换为 " + replacement + "：" + reason);
            }
            notices.reissue(code, taskId, (String) runtimeService.getVariable(processInstanceId, "targetName"),
                    (String) runtimeService.getVariable(processInstanceId, "targetCode"),
                    strings(runtimeService.getVariable(processInstanceId, "itemCodes")), officers);
        }
    }

    /** A publication deadline recomputed on a holiday notice loaded after it was set moves here too. */
    @EventListener
    void deadlineMoved(DeadlineMoved moved) {
        if ("inspection".equals(moved.processDefinitionKey()) && "publishResult".equals(moved.elementId())) {
            jdbc.update("update spotcheck.inspection set publication_due_date = ? where code = ?",
                    Date.valueOf(LocalDate.ofInstant(moved.to(), BureauTime.ZONE)), moved.businessKey());
        }
    }

    /** Published: the inspection counts as done for its task, whatever follow-up continues. */
    public void published(String code) {
        jdbc.update("update spotcheck.inspection set status = ?, published_at = ? where code = ?",
                InspectionStatus.PUBLISHED.name(), Timestamp.from(BureauTime.now()), code);
        tellTaskIfAllDone(code);
    }

    /** Closes the inspection; the last one of a task tells the task's process. */
    public void closed(DelegateExecution execution) {
        String code = execution.getProcessBusinessKey();
        jdbc.update("update spotcheck.inspection set status = case when status = ? then status else ? end where code = ?",
                InspectionStatus.PUBLISHED.name(), InspectionStatus.CLOSED.name(), code);
        tellTaskIfAllDone(code);
    }

    private void tellTaskIfAllDone(String code) {
        Long taskId = jdbc.queryForObject("select task_id from spotcheck.inspection where code = ?", Long.class, code);
        Integer open = jdbc.queryForObject("select count(*) from spotcheck.inspection where task_id = ? and status not in (?, ?)",
                Integer.class, taskId, InspectionStatus.PUBLISHED.name(), InspectionStatus.CLOSED.name());
        if (open != null && open == 0) {
            runtimeService.createMessageCorrelation(ALL_DONE_MESSAGE).processInstanceBusinessKey(String.valueOf(taskId))
                    .correlateAllWithResult();
        }
    }

    // --- queries -------------------------------------------------------------------------------------------

    public boolean exists(String code) {
        Integer n = jdbc.queryForObject("select count(*) from spotcheck.inspection where code = ?", Integer.class, code);
        return n != null && n > 0;
    }

    public List<InspectionView> ofTask(long taskId) {
        return jdbc.query("select " + COLUMNS + " from spotcheck.inspection where task_id = ? order by code",
                (rs, i) -> view(rs), taskId);
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

    private static String code(DelegateTask task) {
        return task.getExecution().getProcessBusinessKey();
    }

    private static LocalDate day(Object value) {
        if (value instanceof java.util.Date d) {
            return BureauTime.dayOf(d);
        }
        String text = value.toString().strip();
        return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static long number(Object value, String name) {
        if (value == null) {
            throw new IllegalStateException("检查流程缺少变量 " + name);
        }
        return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
    }

    /** A list variable as the diagrams carry it: a collection, or one comma-separated string. */
    static String[] strings(Object value) {
        if (value instanceof Collection<?> c) {
            return c.stream().map(Object::toString).toArray(String[]::new);
        }
        return value == null ? new String[0] : value.toString().split("\\s*,\\s*");
    }
}
