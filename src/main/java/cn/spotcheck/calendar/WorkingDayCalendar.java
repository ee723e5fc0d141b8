package cn.spotcheck.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working days under the State Council's schedules: Monday to Friday work and weekends rest, except the days a
 * schedule lists. Pure Java, immutable, safe to share.
 */
public final class WorkingDayCalendar {

    private final Map<LocalDate, ScheduledDay> scheduled = new HashMap<>();
    private final Set<Integer> years = new TreeSet<>();

    public WorkingDayCalendar(Map<Integer, ? extends Collection<ScheduledDay>> schedulesByYear) {
        schedulesByYear.forEach((year, days) -> {
            years.add(year);
            for (ScheduledDay day : days) {
                if (day.date().getYear() != year) {
                    throw new IllegalArgumentException(year + " 年的节假日安排中出现了其他年份的日期：" + day.date());
                }
                scheduled.put(day.date(), day);
            }
        });
    }

    public Set<Integer> years() {
        return Set.copyOf(years);
    }

    public boolean isWorkingDay(LocalDate date) {
        requireYear(date.getYear());
        ScheduledDay day = scheduled.get(date);
        if (day != null) {
            return day.kind() == DayKind.WORK;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    public CalendarDay describe(LocalDate date) {
        boolean working = isWorkingDay(date);
        ScheduledDay day = scheduled.get(date);
        return new CalendarDay(date, working, day == null ? null : day.holiday());
    }

    /** The {@code days}-th working day after {@code from}; {@code from} itself is not counted. */
    public LocalDate addWorkingDays(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("工作日数不能为负数");
        }
        LocalDate date = from;
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /** Working days strictly after {@code from} up to and including {@code to}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    private void requireYear(int year) {
        if (!years.contains(year)) {
            throw new MissingHolidayDataException(year);
        }
    }
}
