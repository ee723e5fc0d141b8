package cn.spotcheck.calendar;

import java.time.LocalDate;

/** What the calendar says of one date; {@code holiday} is null on an ordinary day. */
public record CalendarDay(LocalDate date, boolean workingDay, String holiday) {
}
