package cn.spotcheck.supervision;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.calendar.WorkingDays;
import cn.spotcheck.identity.Department;
import cn.spotcheck.identity.Roles;
import cn.spotcheck.system.ApiException;
import cn.spotcheck.system.Markdown;

/**
 * 督查通报: the supervision group notifies the department responsible for an overdue item; the notice lands in that
 * department's 本部门待办 ({@code supervision-notice.bpmn}) with a deadline in working days, and its answer is kept.
 */
@Service
public class SupervisionNotices {

    static final String KEY = "supervision-notice";
    static final int CONTENT_MAX_LENGTH = 2000;

    /** A notice and, once given, its answer. */
    public record Notice(long id, String rule, String reference, String title, String department, String content, LocalDate dueDate,
                         String issuedBy, Instant issuedAt, String status, String answer, String answeredBy, Instant answeredAt) {

        public String statusName() {
            return "OPEN".equals(status) ? "待答复" : "已答复";
        }
    }

    private static final String SELECT = "select id, rule, reference, title, department, content, due_date, issued_by, issued_at, status, "
            + "answer, answered_by, answered_at from spotcheck.supervision_notice ";
    private static final RowMapper<Notice> ROW = (rs, i) -> new Notice(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getDate(7).toLocalDate(), rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getString(10),
            rs.getString(11), rs.getString(12), rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant());

    private final JdbcTemplate jdbc;
    private final WorkingDays workingDays;
    private final RuntimeService runtimeService;
    private final OverdueMonitor monitor;

    SupervisionNotices(JdbcTemplate jdbc, WorkingDays workingDays, RuntimeService runtimeService, OverdueMonitor monitor) {
        this.jdbc = jdbc;
        this.workingDays = workingDays;
        this.runtimeService = runtimeService;
        this.monitor = monitor;
    }

    /** Issues a notice about today's overdue item {@code reference} under {@code rule}, to be answered within the working days. */
    @Transactional
    public Notice issue(String rule, String reference, String content, int workingDaysToAnswer, String issuedBy) {
        OverdueItem item = monitor.today().stream().filter(i -> i.rule().equals(rule) && i.reference().equals(reference)).findFirst()
                .orElseThrow(() -> ApiException.conflict("reference", "该事项今日不在逾期清单中，无需通报"));
        String text = content == null ? "" : content.strip();
        if (text.isEmpty()) {
            throw ApiException.badRequest("content", "请填写通报内容：逾期情况和整改要求");
        }
        if (text.length() > CONTENT_MAX_LENGTH) {
            throw ApiException.badRequest("content", "通报内容不能超过 " + CONTENT_MAX_LENGTH + " 个字");
        }
        if (workingDaysToAnswer < 1 || workingDaysToAnswer > 30) {
            throw ApiException.badRequest("workingDays", "答复期限应为 1 至 30 个工作日");
        }
        LocalDate due = workingDays.add(BureauTime.today(), workingDaysToAnswer);
        String department = item.department() == null || item.department().isBlank() ? "政策法规处" : item.department();
        Long id = jdbc.queryForObject("insert into spotcheck.supervision_notice (rule, reference, title, department, content, due_date, issued_by, "
                + "issued_at, status) values (?,?,?,?,?,?,?,?, 'OPEN') returning id", Long.class, rule, reference, item.title(), department, text,
                Date.valueOf(due), issuedBy, Timestamp.from(BureauTime.now()));
        String processInstanceId = runtimeService.startProcessInstanceByKey(KEY, "notice:" + id, Map.of(
                SupervisionNoticeProcess.NOTICE_ID, id,
                SupervisionNoticeProcess.DEPARTMENT_GROUP, groupOf(department),
                // The due date as a working-day expression in the diagram, so that a holiday notice loaded later moves it.
                SupervisionNoticeProcess.ISSUED_ON, BureauTime.today().toString(),
                SupervisionNoticeProcess.WORKING_DAYS, workingDaysToAnswer,
                SupervisionNoticeProcess.BRIEF, brief(item, text, due))).getId();
        jdbc.update("update spotcheck.supervision_notice set process_instance_id = ? where id = ?", processInstanceId, id);
        return get(id);
    }

    void answered(long id, String answer, String by) {
        jdbc.update("update spotcheck.supervision_notice set status = 'ANSWERED', answer = ?, answered_by = ?, answered_at = ? where id = ? "
                + "and status = 'OPEN'", answer, by, Timestamp.from(BureauTime.now()), id);
    }

    public Notice get(long id) {
        return jdbc.query(SELECT + "where id = ?", ROW, id).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("督查通报 " + id + " 不存在"));
    }

    /** The latest notices, open ones first. */
    public List<Notice> recent(int limit) {
        return jdbc.query(SELECT + "order by status = 'ANSWERED', issued_at desc limit ?", ROW, limit);
    }

    /** Per department, the notices issued in {@code year} and how many of them were answered. */
    Map<String, long[]> countsByDepartment(int year) {
        Map<String, long[]> counts = new java.util.HashMap<>();
        jdbc.query("select department, count(*), count(answered_at) from spotcheck.supervision_notice "
                + "where extract(year from issued_at at time zone 'Asia/Shanghai') = ? group by department", rs -> {
            counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
        }, year);
        return counts;
    }

    /** The department's group answers in 本部门待办; a department without one is answered by the legal staff. */
    private static String groupOf(String department) {
        return Arrays.stream(Department.values()).filter(d -> d.displayName().equals(department)).map(Department::groupId).findFirst()
                .orElse(Roles.LEGAL);
    }

    private static String brief(OverdueItem item, String content, LocalDate due) {
        return Markdown.fit("**" + Markdown.text(item.ruleName()) + "**：" + Markdown.link(item.title(), item.recordPath()) + "，期限 "
                + item.dueDate() + "，已逾期 " + item.daysOverdue() + " 天。\n\n通报内容：" + Markdown.text(content) + "\n\n请于 **" + due
                + "** 前答复。", "/supervision");
    }
}
