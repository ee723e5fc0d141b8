package cn.spotcheck.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one year's schedule in the form the State Council's notice is typed up in: {@code date,name,kind}
 * with kind 休 or 班. A bad line stops the load with the file and line named, because a silently skipped
 * holiday would move every deadline around it.
 */
final class HolidayScheduleParser {

    private HolidayScheduleParser() {
    }

    static List<ScheduledDay> parse(String source, int year, InputStream in) throws IOException {
        List<ScheduledDay> days = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                line = line.replace("\uFEFF", "").trim();
                if (line.isEmpty() || line.startsWith("#") || (lineNo == 1 && line.startsWith("date"))) {
                    continue;
                }
                days.add(parseLine(source, year, lineNo, line));
            }
        }
        return days;
    }

    private static ScheduledDay parseLine(String source, int year, int lineNo, String line) {
        String[] cells = line.split("[,，]");
        if (cells.length != 3) {
            throw new IllegalStateException(source + " 第 " + lineNo + " 行应为“日期,节日,休/班”三列：" + line);
        }
        try {
            LocalDate date = LocalDate.parse(cells[0].trim());
            if (date.getYear() != year) {
                throw new IllegalStateException(source + " 第 " + lineNo + " 行的日期不属于 " + year + " 年：" + date);
            }
            return new ScheduledDay(date, cells[1].trim(), DayKind.fromMark(cells[2]));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(source + " 第 " + lineNo + " 行的日期不是 YYYY-MM-DD 格式：" + cells[0], e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " 第 " + lineNo + " 行：" + e.getMessage(), e);
        }
    }
}
