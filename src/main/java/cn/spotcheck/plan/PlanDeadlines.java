package cn.spotcheck.plan;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Date;

import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

import cn.spotcheck.calendar.BureauTime;

/**
 * The dates of the annual-plan diagram: approval due by 31 March of the plan's year (seed 000, 任务五), a reminder
 * a week before. The diagram reads them as {@code ${planDeadlines.approvalDue(planYear)}}.
 */
@Component("planDeadlines")
public class PlanDeadlines {

    static final int REMINDER_DAYS_BEFORE = 7;

    private final TaskService taskService;

    PlanDeadlines(TaskService taskService) {
        this.taskService = taskService;
    }

    public Date approvalDue(Object planYear) {
        return BureauTime.endOf(LocalDate.of(year(planYear), 3, 31));
    }

    public Date reminder(Object planYear) {
        LocalDateTime at = LocalDate.of(year(planYear), 3, 31).minusDays(REMINDER_DAYS_BEFORE).atTime(LocalTime.of(9, 0));
        return Date.from(at.atZone(BureauTime.ZONE).toInstant());
    }

    /** The reminder: the open review tasks of the plan rise to the top of the reviewers' Tasklist. */
    public void remind(String processInstanceId) {
        taskService.createTaskQuery().processInstanceId(processInstanceId).list()
                .forEach(task -> taskService.setPriority(task.getId(), 90));
    }

    private static int year(Object planYear) {
        return planYear instanceof Number n ? n.intValue() : Integer.parseInt(planYear.toString());
    }
}
