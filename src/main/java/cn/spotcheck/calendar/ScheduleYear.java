package cn.spotcheck.calendar;

import java.util.List;

/**
 * One year as the calendar knows it: {@code OFFICIAL} from a State Council notice (shipped with the platform, or
 * loaded by an administrator), or {@code PROVISIONAL} from the statutory holidays alone, with the days that gives
 * (also as one line, {@code statutorySummary}) and, where an administrator's file was refused, why.
 */
record ScheduleYear(int year, String status, String source, String problem, List<ScheduledDay> statutoryDays,
                           String statutorySummary) {
}
