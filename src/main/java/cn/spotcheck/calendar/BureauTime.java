package cn.spotcheck.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The bureau works in Beijing time whatever the host says. "Now" comes from the engine's clock so that a
 * test which moves {@link ClockUtil} moves every deadline and every "today" with it.
 */
public final class BureauTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BureauTime() {
    }

    /** Called once at start-up, before anything formats a date. */
    public static void installAsDefault() {
        TimeZone.setDefault(TimeZone.getTimeZone(ZONE));
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(now(), ZONE);
    }

    public static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(ZONE).toInstant());
    }

    /** The last second of the day: a deadline on that day is met by anything done before midnight. */
    public static Date endOf(LocalDate day) {
        return Date.from(LocalDateTime.of(day, java.time.LocalTime.of(23, 59, 59)).atZone(ZONE).toInstant());
    }

    public static LocalDate dayOf(Date date) {
        return LocalDate.ofInstant(date.toInstant(), ZONE);
    }
}
