package cn.spotcheck.plan;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Date;

import org.springframework.stereotype.Component;

import cn.spotcheck.calendar.BureauTime;

/**
 * The dates of the annual-plan diagram: approval due by 31 March of the plan's year (seed 000, 任务五), a reminder
 * a week before. The diagram reads them as {@code ${planDeadlines.approvalDue(planYear)}}.
 */
@Component("planDeadlines")
public class PlanDeadlines {

    static final int REMINDER_DAYS_BEFORE = 7;

    public Date approvalDue(Object planYear) {
        return BureauTime.endOf(LocalDate.of(year(planYear), 3, 31));
    }

    public Date reminder(Object planYear) {
        LocalDateTime at = LocalDate.of(year(planYear), 3, 31).minusDays(REMINDER_DAYS_BEFORE).atTime(LocalTime.of(9, 0));
        return Date.from(at.atZone(BureauTime.ZONE).toInstant());
    }

    private static int year(Object planYear) {
        return planYear instanceof Number n ? n.intValue() : Integer.parseInt(planYear.toString());
    }
}
