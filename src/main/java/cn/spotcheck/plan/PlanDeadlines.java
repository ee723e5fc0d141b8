package cn.spotcheck.plan;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.Date;

import org.springframework.stereotype.Component;

import cn.spotcheck.calendar.BureauTime;

/**
 * The dates of the annual-plan diagram: a year's plan is approved by 31 March of that year (the bureaus'
 * implementation plans set this), with a reminder a week before. The diagram reads them as
 * {@code ${planDeadlines.approvalDue(planYear)}}; the supervision group's overdue list uses {@link #approvalDay(int)}.
 */
@Component("planDeadlines")
public class PlanDeadlines {

    static final int REMINDER_DAYS_BEFORE = 7;
    private static final MonthDay APPROVAL_DUE = MonthDay.of(3, 31);

    /** The last day on which a plan for {@code year} may be approved. */
    public static LocalDate approvalDay(int year) {
        return APPROVAL_DUE.atYear(year);
    }

    public Date approvalDue(Object planYear) {
        return BureauTime.endOf(approvalDay(year(planYear)));
    }

    public Date reminder(Object planYear) {
        LocalDateTime at = approvalDay(year(planYear)).minusDays(REMINDER_DAYS_BEFORE).atTime(LocalTime.of(9, 0));
        return Date.from(at.atZone(BureauTime.ZONE).toInstant());
    }

    private static int year(Object planYear) {
        return planYear instanceof Number n ? n.intValue() : Integer.parseInt(planYear.toString());
    }
}
