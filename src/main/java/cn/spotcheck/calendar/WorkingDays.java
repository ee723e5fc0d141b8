package cn.spotcheck.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
    /** The schedules in force, where each came from, and the administrator's files left out. */
    private volatile HolidayScheduleLoader.Inventory loaded;
    /** The directory's files and their times when last read, and when that was last compared. */
    private volatile String loadedStamp;
    private volatile long comparedAt;

    WorkingDays(@Value("${spotcheck.calendar.holidays-dir:${spotcheck.data-dir}/holidays}") Path administratorDirectory) {
        this.administratorDirectory = administratorDirectory;
        reload();
    }

    /** Re-reads the schedules, e.g. after an administrator added next year's notice. */
    public void reload() {
        this.loadedStamp = stamp();
        this.loaded = HolidayScheduleLoader.load(administratorDirectory);
        this.comparedAt = System.currentTimeMillis();
    }

    /**
     * In a cluster the directory is shared and a schedule may be added on another node: at most every half minute the
     * directory is looked at again, and read again if a file came, went or changed.
     */
    private void reloadIfChanged() {
        long now = System.currentTimeMillis();
        if (now - comparedAt < 30_000) {
            return;
        }
        comparedAt = now;
        if (!stamp().equals(loadedStamp)) {
            reload();
        }
    }

    private String stamp() {
        if (administratorDirectory == null || !Files.isDirectory(administratorDirectory)) {
            return "";
        }
        try (var files = Files.list(administratorDirectory)) {
            return files.sorted().map(f -> f.getFileName() + "@" + f.toFile().lastModified() + "/" + f.toFile().length())
                    .reduce("", (a, b) -> a + ";" + b);
        } catch (IOException e) {
            return loadedStamp == null ? "" : loadedStamp;
        }
    }

    /** Where an administrator's schedules live: {@code YYYY.csv} there wins over a shipped year. */
    Path administratorDirectory() {
        return administratorDirectory;
    }

    public WorkingDayCalendar calendar() {
        reloadIfChanged();
        return loaded.calendar();
    }

    public CalendarDay describe(LocalDate date) {
        return calendar().describe(date);
    }

    public LocalDate add(LocalDate from, int days) {
        return calendar().addWorkingDays(from, days);
    }

    /** True when {@code year} is reckoned from the statutory holidays alone, its notice not yet loaded. */
    public boolean isProvisional(int year) {
        return calendar().isProvisional(year);
    }

    /** True when a deadline falling on {@code day} was, or would be, reckoned on a provisional year. */
    public boolean isProvisional(LocalDate day) {
        return day != null && calendar().isProvisional(day.getYear());
    }

    /**
     * The end (23:59:59 Beijing time) of the {@code days}-th working day after {@code base}: the moment a
     * "within N working days" rule is broken. {@code base} may be a {@code YYYY-MM-DD} string (as a Camunda
     * Forms date field submits it), a {@link Date} or a {@link LocalDate}.
     */
    public Date deadline(Object base, long days) {
        return BureauTime.endOf(calendar().addWorkingDays(toLocalDate(base), Math.toIntExact(days)));
    }

    /** The start of the {@code days}-th working day after {@code base}, for reminders sent that morning. */
    public Date morningOf(Object base, long days) {
        LocalDate day = calendar().addWorkingDays(toLocalDate(base), Math.toIntExact(days));
        return Date.from(day.atTime(9, 0).atZone(BureauTime.ZONE).toInstant());
    }

    /**
     * Checks an administrator's file for {@code year} and, when it is sound, puts it in the holidays directory and
     * reloads: from then on the year is official. Refuses a file that does not parse, lists days of another year,
     * or makes a statutory holiday a working day (a notice adds days off, it never takes a statutory one away).
     */
    void install(int year, byte[] content) {
        HolidayScheduleFile.check(year, content);
        try {
            Files.createDirectories(administratorDirectory);
            Path target = administratorDirectory.resolve(year + ".csv");
            Path temporary = Files.createTempFile(administratorDirectory, year + "-", ".csv.part");
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("无法保存 " + year + " 年节假日安排：" + e.getMessage(), e);
        }
        reload();
    }

    /** Where each official year's schedule came from, and the administrator's files that could not be read. */
    HolidayScheduleLoader.Inventory inventory() {
        reloadIfChanged();
        return loaded;
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
