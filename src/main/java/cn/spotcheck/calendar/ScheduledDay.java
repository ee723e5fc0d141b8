package cn.spotcheck.calendar;

import java.time.LocalDate;

/** One row of a holiday schedule: a day that differs from the weekday rule, and the holiday it belongs to. */
record ScheduledDay(LocalDate date, String holiday, DayKind kind) {
}
