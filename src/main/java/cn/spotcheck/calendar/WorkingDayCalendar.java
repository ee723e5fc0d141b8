package cn.spotcheck.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Working days: Monday to Friday work and weekends rest, except the days a schedule lists. A year with the State
 * Council's notice follows it, 调休 included; a year without one follows the statutory holidays alone and is
 * <em>provisional</em>, so that a late notice never stops the work but nothing computed on a guess passes for
 * official. Pure Java, immutable as far as callers can tell, safe to share.
 */
final class WorkingDayCalendar {

    private final Map<LocalDate, ScheduledDay> official = new HashMap<>();
    private final Set<Integer> officialYears = new TreeSet<>();
    private final Map<Integer, Map<LocalDate, ScheduledDay>> provisional = new ConcurrentHashMap<>();

    public WorkingDayCalendar(Map<Integer, ? extends Collection<ScheduledDay>> schedulesByYear) {
        schedulesByYear.forEach((year, days) -> {
            officialYears.add(year);
            for (ScheduledDay day : days) {
                if (day.date().getYear() != year) {
                    throw new IllegalArgumentException(year + " 年的节假日安排中出现了其他年份的日期：" + day.date());
                }
                official.put(day.date(), day);
            }
        });
    }

    /** The years whose State Council notice is loaded. */
    public Set<Integer> years() {
        return Set.copyOf(officialYears);
    }

    /** True when {@code year} has no notice loaded and is reckoned from the statutory holidays alone. */
    public boolean isProvisional(int year) {
        return !officialYears.contains(year);
    }

    /** The provisional years from {@code from} to {@code to}: a count across any of them is a guess. */
    public List<Integer> provisionalYears(LocalDate from, LocalDate to) {
        List<Integer> years = new ArrayList<>();
        for (int year = Math.min(from.getYear(), to.getYear()); year <= Math.max(from.getYear(), to.getYear()); year++) {
            if (isProvisional(year)) {
                years.add(year);
            }
        }
        return years;
    }

    public boolean isWorkingDay(LocalDate date) {
        ScheduledDay day = scheduled(date);
        if (day != null) {
            return day.kind() == DayKind.WORK;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    public CalendarDay describe(LocalDate date) {
        boolean working = isWorkingDay(date);
        ScheduledDay day = scheduled(date);
        return new CalendarDay(date, working, day == null ? null : day.holiday(), isProvisional(date.getYear()));
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

    private ScheduledDay scheduled(LocalDate date) {
        int year = date.getYear();
        if (officialYears.contains(year)) {
            return official.get(date);
        }
        return provisional.computeIfAbsent(year, WorkingDayCalendar::statutory).get(date);
    }

    private static Map<LocalDate, ScheduledDay> statutory(int year) {
        Map<LocalDate, ScheduledDay> days = new HashMap<>();
        StatutoryHolidays.of(year).forEach(day -> days.put(day.date(), day));
        return days;
    }
}
