package cn.spotcheck.calendar;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The checks an administrator's holiday file must pass before its year counts as official: it parses, every
 * row lies in its year, and every statutory holiday is a day off in it (the State Council's notice adds bridging
 * days and 调休, it never takes a statutory day away, so a statutory day marked 班 or a holiday typed on the wrong
 * date shows up here).
 */
final class HolidayScheduleFile {

    static final int MAX_BYTES = 64 * 1024;

    private HolidayScheduleFile() {
    }

    /** The schedule in {@code content}, or an {@link IllegalArgumentException} saying, in Chinese, what is wrong. */
    static List<ScheduledDay> check(int year, byte[] content) {
        if (content.length == 0) {
            throw new IllegalArgumentException("文件为空");
        }
        if (content.length > MAX_BYTES) {
            throw new IllegalArgumentException("文件过大（" + content.length / 1024 + " KB），一年的节假日安排不超过 "
                    + MAX_BYTES / 1024 + " KB");
        }
        List<ScheduledDay> days;
        try {
            days = HolidayScheduleParser.parse(year + ".csv", year, new ByteArrayInputStream(content));
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("文件中没有任何日期：每行应为“日期,节日,休/班”");
        }
        WorkingDayCalendar uploaded = new WorkingDayCalendar(Map.of(year, days));
        for (ScheduledDay statutory : StatutoryHolidays.of(year)) {
            if (uploaded.isWorkingDay(statutory.date())) {
                throw new IllegalArgumentException(statutory.date() + "（" + statutory.holiday()
                        + "）是法定节假日，文件却把它当作工作日：请核对该年的国务院办公厅通知");
            }
        }
        return days;
    }
}
