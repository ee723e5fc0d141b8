package cn.spotcheck.calendar;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The working-day calendar as the rest of the platform and the BPMN diagrams see it. Diagrams write deadlines
 * as expressions on this bean, e.g. {@code ${workingDays.deadline(inspectionEndDate, 7)}}, so that the rule and
 * its number stay visible and editable in Camunda Modeler.
 */
@Component("workingDays")
public class WorkingDays {

    private final Path administratorDirectory;
    private volatile WorkingDayCalendar calendar;

    WorkingDays(@Value("${spotcheck.calendar.holidays-dir:${spotcheck.data-dir}/holidays}") Path administratorDirectory) {
        this.administratorDirectory = administratorDirectory;
        this.calendar = HolidayScheduleLoader.load(administratorDirectory);
    }

    /** Re-reads the schedules, e.g. after an administrator added next year's notice. */
    public void reload() {
        this.calendar = HolidayScheduleLoader.load(administratorDirectory);
    }

    public WorkingDayCalendar calendar() {
        return calendar;
    }

    public CalendarDay describe(LocalDate date) {
        return calendar.describe(date);
    }

    public LocalDate add(LocalDate from, int days) {
        return calendar.addWorkingDays(from, days);
    }

    /**
     * The end (23:59:59 Beijing time) of the {@code days}-th working day after {@code base}: the moment a
     * "within N working days" rule is broken. {@code base} may be a {@code YYYY-MM-DD} string (as a Camunda
     * Forms date field submits it), a {@link Date} or a {@link LocalDate}.
     */
    public Date deadline(Object base, long days) {
        return BureauTime.endOf(calendar.addWorkingDays(toLocalDate(base), Math.toIntExact(days)));
    }

    /** The start of the {@code days}-th working day after {@code base}, for reminders sent that morning. */
    public Date morningOf(Object base, long days) {
        LocalDate day = calendar.addWorkingDays(toLocalDate(base), Math.toIntExact(days));
        return Date.from(day.atTime(9, 0).atZone(BureauTime.ZONE).toInstant());
    }

    static LocalDate toLocalDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof Date date) {
            return BureauTime.dayOf(date);
        }
        if (value instanceof String text && !text.isBlank()) {
            String trimmed = text.trim();
            try {
                return LocalDate.parse(trimmed.length() > 10 ? trimmed.substring(0, 10) : trimmed);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("日期格式应为 YYYY-MM-DD：" + text, e);
            }
        }
        throw new IllegalArgumentException("缺少计算期限所需的起算日期");
    }
}
