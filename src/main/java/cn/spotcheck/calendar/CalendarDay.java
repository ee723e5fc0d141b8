package cn.spotcheck.calendar;

import java.time.LocalDate;

/**
 * What the calendar says of one date; {@code holiday} is null on an ordinary day. {@code provisional} is true in a
 * year whose State Council notice is not loaded: the answer then follows the statutory holidays alone (暂定).
 */
record CalendarDay(LocalDate date, boolean workingDay, String holiday, boolean provisional) {
}
