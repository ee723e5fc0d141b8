package cn.spotcheck.supervision;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.calendar.WorkingDays;
import cn.spotcheck.draw.DrawViews;
import cn.spotcheck.followup.FollowUpKind;
import cn.spotcheck.followup.FollowUps;
import cn.spotcheck.inspection.InspectionView;
import cn.spotcheck.inspection.Inspections;
import cn.spotcheck.plan.AnnualPlans;
import cn.spotcheck.plan.PlanDeadlines;
import cn.spotcheck.plan.PlanView;
import cn.spotcheck.plan.TaskView;

/** Collects what is overdue today, most overdue first. */
@Service
public class OverdueMonitor {

    static final int FOLLOW_UP_DAYS_WITHOUT_DEADLINE = 30;

    private final AnnualPlans plans;
    private final Inspections inspections;
    private final FollowUps followUps;
    private final DrawViews draws;
    private final WorkingDays workingDays;
    private final JdbcTemplate jdbc;

    OverdueMonitor(AnnualPlans plans, Inspections inspections, FollowUps followUps, DrawViews draws, WorkingDays workingDays,
                   JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.workingDays = workingDays;
        this.plans = plans;
        this.inspections = inspections;
        this.followUps = followUps;
        this.draws = draws;
    }

    /** Working days ahead that the supervision group watches before a deadline passes. */
    static final int SOON_WORKING_DAYS = 3;

    /** What the supervision group watches: what is overdue today, and what falls due within a few working days. */
    public record Watch(List<OverdueItem> overdue, List<OverdueItem> dueSoon) {
    }

    /** The kinds of deadline, each with its rule once it has passed and while it is near. */
    private enum Kind {
        PLAN("PLAN_NOT_APPROVED", "PLAN_APPROVAL_SOON", "计划即将到批准期限"),
        TASK("TASK_NOT_FINISHED", "TASK_END_SOON", "抽查任务即将到期"),
        RESULT("RESULT_NOT_PUBLISHED", "RESULT_DUE_SOON", "检查结果即将到公示期限");

        final String overdueRule;
        final String soonRule;
        final String soonName;

        Kind(String overdueRule, String soonRule, String soonName) {
            this.overdueRule = overdueRule;
            this.soonRule = soonRule;
            this.soonName = soonName;
        }

        String overdueName(LocalDate due) {
            return switch (this) {
                case PLAN -> "计划未在 " + due.getMonthValue() + " 月 " + due.getDayOfMonth() + " 日前批准";
                case TASK -> "抽查任务未按期完成";
                case RESULT -> "检查结果未在公示期限内公示";
            };
        }
    }

    /** A deadline not met yet. */
    private record Open(Kind kind, String reference, String title, String department, LocalDate due, List<String> inspectors) {
    }

    /** What is overdue today, most overdue first. */
    public List<OverdueItem> today() {
        LocalDate today = BureauTime.today();
        return overdue(open(today.minusDays(1)), today);
    }

    /** Both lists from one look at the records: the supervision page shows them side by side. */
    public Watch watch() {
        LocalDate today = BureauTime.today();
        List<Open> open = open(workingDays.add(today, SOON_WORKING_DAYS));
        List<OverdueItem> soon = open.stream().filter(o -> !o.due().isBefore(today))
                .map(o -> item(o.kind().soonRule, o.kind().soonName, o, today))
                .sorted(Comparator.comparing(OverdueItem::dueDate)).toList();
        return new Watch(overdue(open.stream().filter(o -> o.due().isBefore(today)).toList(), today), soon);
    }

    /**
     * Every deadline not met that falls on or before {@code until}: a plan not approved, a task with inspections not
     * done (or not drawn), a result not published.
     */
    private List<Open> open(LocalDate until) {
        List<Open> open = new ArrayList<>();
        Map<Long, String> departmentOfTask = new HashMap<>();
        for (PlanView plan : plans.all()) {
            plan.tasks().forEach(t -> departmentOfTask.put(t.id(), plan.department()));
            LocalDate due = PlanDeadlines.approvalDay(plan.year());
            if (!plan.published() && plan.publishedAt() == null && !due.isAfter(until)) {
                open.add(new Open(Kind.PLAN, OverdueItem.PLAN + plan.id(), plan.title(), plan.department(), due, List.of()));
            }
            if (plan.publishedAt() == null) {
                continue;
            }
            for (TaskView task : plan.tasks()) {
                if (!task.end().isAfter(until) && (!draws.isDrawn(task.id()) || inspections.openCount(task.id()) > 0)) {
                    open.add(new Open(Kind.TASK, OverdueItem.TASK + task.id(), task.name(), plan.department(), task.end(), List.of()));
                }
            }
        }
        for (InspectionView inspection : inspections.unpublishedPastDue(until.plusDays(1))) {
            open.add(new Open(Kind.RESULT, inspection.code(), "检查 " + inspection.code() + "（" + inspection.resultCategory() + "）",
                    departmentOfTask.getOrDefault(inspection.taskId(), ""), inspection.publicationDueDate(), inspection.inspectorStaffNos()));
        }
        return open;
    }

    /** The deadlines already passed, and the follow-ups open too long, most overdue first. */
    private List<OverdueItem> overdue(List<Open> passed, LocalDate today) {
        List<OverdueItem> items = new ArrayList<>();
        passed.forEach(o -> items.add(item(o.kind().overdueRule, o.kind().overdueName(o.due()), o, today)));
        List<FollowUps.FollowUpView> open = followUps.open();
        Map<String, List<String>> teams = inspections.inspectorsOf(open.stream().map(FollowUps.FollowUpView::inspectionCode).toList());
        for (FollowUps.FollowUpView f : open) {
            LocalDate due = f.deadline() != null ? f.deadline()
                    : BureauTime.dayOf(java.util.Date.from(f.openedAt())).plusDays(FOLLOW_UP_DAYS_WITHOUT_DEADLINE);
            if (today.isAfter(due)) {
                items.add(item("FOLLOW_UP_OPEN", "后续处置未闭环", f.inspectionCode(), "后续处置 " + f.inspectionCode() + "（" + FollowUpKind.valueOf(f.kind()).displayName() + "）",
                        f.department() == null ? "" : f.department(), due, today, teams.getOrDefault(f.inspectionCode(), List.of())));
            }
        }
        // A 督查通报 not answered by its deadline (the supervision module's own record).
        jdbc.query("select id, title, department, due_date from spotcheck.supervision_notice where status = 'OPEN' and due_date < ?", rs -> {
            items.add(item("NOTICE_UNANSWERED", "督查通报逾期未答复", OverdueItem.NOTICE + rs.getLong(1), "督查通报：" + rs.getString(2),
                    rs.getString(3), rs.getDate(4).toLocalDate(), today, List.of()));
        }, java.sql.Date.valueOf(today));
        items.sort(Comparator.comparingLong(OverdueItem::daysOverdue).reversed());
        return items;
    }

    private static OverdueItem item(String rule, String name, Open open, LocalDate today) {
        return item(rule, name, open.reference(), open.title(), open.department(), open.due(), today, open.inspectors());
    }

    private static OverdueItem item(String rule, String name, String reference, String title, String department, LocalDate due, LocalDate today,
                                    List<String> inspectors) {
        return new OverdueItem(rule, name, reference, title, department, due, ChronoUnit.DAYS.between(due, today), inspectors);
    }
}
