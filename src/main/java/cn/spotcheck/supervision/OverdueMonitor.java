package cn.spotcheck.supervision;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.calendar.WorkingDays;
import cn.spotcheck.draw.DrawViews;
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

    OverdueMonitor(AnnualPlans plans, Inspections inspections, FollowUps followUps, DrawViews draws, WorkingDays workingDays) {
        this.workingDays = workingDays;
        this.plans = plans;
        this.inspections = inspections;
        this.followUps = followUps;
        this.draws = draws;
    }

    /** Working days ahead that the supervision group watches before a deadline passes. */
    static final int SOON_WORKING_DAYS = 3;

    /**
     * What falls due within {@value #SOON_WORKING_DAYS} working days and is not done yet, soonest first; the days
     * left are {@code -daysOverdue}.
     */
    public List<OverdueItem> dueSoon() {
        LocalDate today = BureauTime.today();
        LocalDate horizon = workingDays.add(today, SOON_WORKING_DAYS);
        List<OverdueItem> items = new ArrayList<>();
        Map<Long, String> departmentOfTask = new HashMap<>();
        for (PlanView plan : plans.all()) {
            plan.tasks().forEach(t -> departmentOfTask.put(t.id(), plan.department()));
            LocalDate due = PlanDeadlines.approvalDay(plan.year());
            if (!plan.published() && plan.publishedAt() == null && !due.isBefore(today) && !due.isAfter(horizon)) {
                items.add(item("PLAN_APPROVAL_SOON", "计划即将到批准期限", "plan:" + plan.id(), plan.title(), plan.department(), due, today));
            }
            if (plan.publishedAt() == null) {
                continue;
            }
            for (TaskView task : plan.tasks()) {
                boolean unfinished = !draws.isDrawn(task.id()) || inspections.openCount(task.id()) > 0;
                if (unfinished && !task.end().isBefore(today) && !task.end().isAfter(horizon)) {
                    items.add(item("TASK_END_SOON", "抽查任务即将到期", "task:" + task.id(), task.name(), plan.department(), task.end(), today));
                }
            }
        }
        for (InspectionView inspection : inspections.unpublishedDueBetween(today, horizon)) {
            items.add(item("RESULT_DUE_SOON", "检查结果即将到公示期限", inspection.code(),
                    "检查 " + inspection.code() + "（" + inspection.resultCategory() + "）",
                    departmentOfTask.getOrDefault(inspection.taskId(), ""), inspection.publicationDueDate(), today));
        }
        items.sort(Comparator.comparing(OverdueItem::dueDate));
        return items;
    }

    public List<OverdueItem> today() {
        LocalDate today = BureauTime.today();
        List<OverdueItem> items = new ArrayList<>();
        Map<Long, String> departmentOfTask = new HashMap<>();
        for (PlanView plan : plans.all()) {
            plan.tasks().forEach(t -> departmentOfTask.put(t.id(), plan.department()));
            LocalDate due = PlanDeadlines.approvalDay(plan.year());
            if (!plan.published() && plan.publishedAt() == null && today.isAfter(due)) {
                items.add(item("PLAN_NOT_APPROVED", "计划未在 " + due.getMonthValue() + " 月 " + due.getDayOfMonth() + " 日前批准", "plan:" + plan.id(), plan.title(), plan.department(), due, today));
            }
            if (plan.publishedAt() == null) {
                continue;
            }
            for (TaskView task : plan.tasks()) {
                boolean unfinished = !draws.isDrawn(task.id()) || inspections.openCount(task.id()) > 0;
                if (today.isAfter(task.end()) && unfinished) {
                    items.add(item("TASK_NOT_FINISHED", "抽查任务未按期完成", "task:" + task.id(), task.name(), plan.department(), task.end(), today));
                }
            }
        }
        for (InspectionView inspection : inspections.unpublishedPastDue(today)) {
            items.add(item("RESULT_NOT_PUBLISHED", "检查结果未在公示期限内公示", inspection.code(),
                    "检查 " + inspection.code() + "（" + inspection.resultCategory() + "）",
                    departmentOfTask.getOrDefault(inspection.taskId(), ""), inspection.publicationDueDate(), today));
        }
        for (FollowUps.FollowUpView f : followUps.open()) {
            LocalDate due = f.deadline() != null ? f.deadline()
                    : BureauTime.dayOf(java.util.Date.from(f.openedAt())).plusDays(FOLLOW_UP_DAYS_WITHOUT_DEADLINE);
            if (today.isAfter(due)) {
                items.add(item("FOLLOW_UP_OPEN", "后续处置未闭环", f.inspectionCode(), "后续处置 " + f.inspectionCode() + "（" + f.kind() + "）",
                        f.department() == null ? "" : f.department(), due, today));
            }
        }
        items.sort(Comparator.comparingLong(OverdueItem::daysOverdue).reversed());
        return items;
    }

    private static OverdueItem item(String rule, String name, String reference, String title, String department, LocalDate due, LocalDate today) {
        return new OverdueItem(rule, name, reference, title, department, due, ChronoUnit.DAYS.between(due, today));
    }
}
