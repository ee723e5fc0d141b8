package cn.spotcheck.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Date;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The calendar against the State Council's notices for 2024–2026, typed here from the notices themselves
 * (国办发明电〔2023〕7号, 〔2024〕12号, 〔2025〕7号) rather than read from the data files, so a wrong data file fails.
 */
class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = HolidayScheduleLoader.load(null).calendar();

    /** Days off that fall on Monday–Friday, and weekend days worked instead, per the notices. */
    private static final String[][] NOTICES = {
            // year, weekday days off (ranges "from..to" include the weekend days inside them), make-up working days
            {"2024", "01-01,02-10..02-17,04-04..04-06,05-01..05-05,06-10,09-15..09-17,10-01..10-07",
                    "02-04,02-18,04-07,04-28,05-11,09-14,09-29,10-12"},
            {"2025", "01-01,01-28..02-04,04-04..04-06,05-01..05-05,05-31..06-02,10-01..10-08",
                    "01-26,02-08,04-27,09-28,10-11"},
            {"2026", "01-01..01-03,02-15..02-23,04-04..04-06,05-01..05-05,06-19..06-21,09-25..09-27,10-01..10-07",
                    "01-04,02-14,02-28,05-09,09-20,10-10"},
    };

    @Test
    void everyDayOf2024To2026FollowsTheNotices() {
        for (String[] notice : NOTICES) {
            int year = Integer.parseInt(notice[0]);
            Set<LocalDate> off = expand(year, notice[1]);
            Set<LocalDate> madeUp = expand(year, notice[2]);
            for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
                boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
                boolean expected = madeUp.contains(day) || (!weekend && !off.contains(day));
                assertThat(calendar.isWorkingDay(day)).as("%s (%s)", day, day.getDayOfWeek()).isEqualTo(expected);
            }
        }
    }

    @Test
    void holidaysAndMakeUpDaysAreNamed() {
        assertThat(calendar.describe(LocalDate.of(2024, 10, 1))).isEqualTo(new CalendarDay(LocalDate.of(2024, 10, 1), false, "国庆节", false));
        assertThat(calendar.describe(LocalDate.of(2024, 9, 29))).isEqualTo(new CalendarDay(LocalDate.of(2024, 9, 29), true, "国庆节", false));
        assertThat(calendar.describe(LocalDate.of(2025, 2, 10))).isEqualTo(new CalendarDay(LocalDate.of(2025, 2, 10), true, null, false));
        assertThat(calendar.describe(LocalDate.of(2025, 2, 9))).isEqualTo(new CalendarDay(LocalDate.of(2025, 2, 9), false, null, false));
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            // 国庆 2024: the make-up Sunday 9-29 counts, the holiday week does not, the make-up Saturday 10-12 counts.
            "2024-09-27, 7, 2024-10-12",
            "2024-09-30, 1, 2024-10-08",
            "2024-09-30, 7, 2024-10-15",
            // 春节 2025: the make-up Sunday 1-26 and Saturday 2-8 count.
            "2025-01-24, 1, 2025-01-26",
            "2025-01-24, 7, 2025-02-10",
            // 春节 2026: Saturday 2-14 worked, nine days off from 2-15, Saturday 2-28 worked.
            "2026-02-12, 7, 2026-02-28",
            "2026-02-13, 2, 2026-02-24",
            // 国庆 2025 joined with 中秋: eight days off, Saturday 10-11 worked.
            "2025-09-30, 7, 2025-10-16",
            // A holiday itself is not counted as the first day.
            "2024-10-03, 7, 2024-10-15",
            "2024-05-06, 0, 2024-05-06",
    })
    void sevenWorkingDayDeadlineAcrossHolidays(LocalDate from, int days, LocalDate expected) {
        assertThat(calendar.addWorkingDays(from, days)).isEqualTo(expected);
        assertThat(calendar.workingDaysBetween(from, expected)).isEqualTo(days);
    }

    @Test
    void deadlineEndsAtMidnightBeijingTime() {
        WorkingDays workingDays = new WorkingDays(null);
        Date deadline = workingDays.deadline("2024-09-27", 7);
        assertThat(deadline.toInstant()).hasToString("2024-10-12T15:59:59Z");
        assertThat(workingDays.deadline(LocalDate.of(2024, 9, 27), 7)).isEqualTo(deadline);
        assertThat(workingDays.deadline(BureauTime.startOf(LocalDate.of(2024, 9, 27)), 7)).isEqualTo(deadline);
    }

    @Test
    void aYearWithoutItsNoticeIsProvisionalOnTheStatutoryHolidays() {
        assertThat(calendar.isProvisional(2026)).isFalse();
        assertThat(calendar.isProvisional(2027)).isTrue();
        assertThat(calendar.describe(LocalDate.of(2027, 2, 5)))
                .isEqualTo(new CalendarDay(LocalDate.of(2027, 2, 5), false, "春节", true));
        // A Friday after 春节 works: no bridging days are known before the notice.
        assertThat(calendar.describe(LocalDate.of(2027, 2, 12)))
                .isEqualTo(new CalendarDay(LocalDate.of(2027, 2, 12), true, null, true));
        // Nor any 调休: a Saturday stays off.
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 20))).isFalse();
        assertThat(calendar.describe(LocalDate.of(2026, 10, 1)).provisional()).isFalse();
    }

    @Test
    void aDeadlineRunsIntoAProvisionalYearInsteadOfFailing() {
        // 2026-12-28 (Mon) + 7 working days: 12-29..12-31 in 2026, 2027-01-01 is 元旦, then 1-4..1-7.
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 28), 7)).isEqualTo(LocalDate.of(2027, 1, 7));
        assertThat(calendar.provisionalYears(LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 7))).containsExactly(2027);
        assertThat(calendar.provisionalYears(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 10))).isEmpty();
        // 2030 and beyond answer too.
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 10, 2))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 10, 8))).isTrue();
    }

    @Test
    void anAdministratorAddsNextYearByDroppingAFile(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("src/test/resources/holiday-fixtures/2027.csv"), dir.resolve("2027.csv"));
        WorkingDayCalendar withNextYear = HolidayScheduleLoader.load(dir).calendar();
        assertThat(withNextYear.years()).contains(2021, 2026, 2027);
        assertThat(withNextYear.isProvisional(2027)).isFalse();
        assertThat(withNextYear.isWorkingDay(LocalDate.of(2027, 2, 12))).as("bridging day of the notice").isFalse();
        assertThat(withNextYear.isWorkingDay(LocalDate.of(2027, 2, 20))).as("调休 Saturday").isTrue();
    }

    @Test
    void anAdministratorsFileThatTakesAStatutoryDayAwayIsLeftOutAndSaidWhy(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("2027.csv"), "date,name,kind\n2027-01-01,元旦,休\n", StandardCharsets.UTF_8);
        HolidayScheduleLoader.Inventory inventory = HolidayScheduleLoader.load(dir);
        assertThat(inventory.calendar().isProvisional(2027)).isTrue();
        assertThat(inventory.problems().get(2027)).contains("2027-02-05").contains("春节").contains("法定节假日");
    }

    @Test
    void anUploadedFileIsCheckedBeforeItCounts() {
        assertThatThrownBy(() -> HolidayScheduleFile.check(2027, new byte[0])).hasMessageContaining("文件为空");
        assertThatThrownBy(() -> HolidayScheduleFile.check(2027, "date,name,kind\n2028-01-01,元旦,休\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("不属于 2027 年");
        assertThatThrownBy(() -> HolidayScheduleFile.check(2027, "2027-10-01,国庆节,班\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("2027-01-01");
        assertThatThrownBy(() -> HolidayScheduleFile.check(2027, new byte[HolidayScheduleFile.MAX_BYTES + 1]))
                .hasMessageContaining("文件过大");
    }

    @Test
    void aBadLineNamesTheFileAndLine() {
        String csv = "date,name,kind\n2027-01-01,元旦,休\n2027-02-30,春节,休\n";
        assertThatThrownBy(() -> HolidayScheduleParser.parse("holidays/2027.csv", 2027,
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("holidays/2027.csv").hasMessageContaining("第 3 行");
        String wrongKind = "2027-01-01,元旦,放假\n";
        assertThatThrownBy(() -> HolidayScheduleParser.parse("x.csv", 2027,
                new ByteArrayInputStream(wrongKind.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("休").hasMessageContaining("班");
    }

    private static Set<LocalDate> expand(int year, String spec) {
        Set<LocalDate> days = new TreeSet<>();
        for (String part : spec.split(",")) {
            String[] range = part.split("\\.\\.");
            LocalDate from = LocalDate.parse(year + "-" + range[0]);
            LocalDate to = range.length == 2 ? LocalDate.parse(year + "-" + range[1]) : from;
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                days.add(d);
            }
        }
        return days;
    }
}
