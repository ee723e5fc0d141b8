package cn.spotcheck.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The statutory holidays a year without its State Council notice falls back on, against the revisions of
 * 《全国年节及纪念日放假办法》 and against the official schedules shipped with the platform.
 */
class StatutoryHolidaysTest {

    private final WorkingDayCalendar official = HolidayScheduleLoader.load(null).calendar();

    @Test
    void twentyTwentySevenUnderThe2024Revision() {
        // 2027: 春节 (正月初一) falls on 6 February, so 除夕 is 5 February; 清明 5 April; 端午 9 June; 中秋 15 September.
        assertThat(StatutoryHolidays.of(2027)).extracting(d -> d.date() + " " + d.holiday()).containsExactly(
                "2027-01-01 元旦",
                "2027-02-05 春节", "2027-02-06 春节", "2027-02-07 春节", "2027-02-08 春节",
                "2027-04-05 清明节",
                "2027-05-01 劳动节", "2027-05-02 劳动节",
                "2027-06-09 端午节",
                "2027-09-15 中秋节",
                "2027-10-01 国庆节", "2027-10-02 国庆节", "2027-10-03 国庆节");
    }

    @Test
    void twentyThirty() {
        // 2030: 春节 3 February (除夕 2 February), 清明 5 April, 端午 5 June, 中秋 12 September.
        assertThat(StatutoryHolidays.of(2030)).extracting(ScheduledDay::date).contains(
                LocalDate.of(2030, 2, 2), LocalDate.of(2030, 2, 5), LocalDate.of(2030, 4, 5),
                LocalDate.of(2030, 6, 5), LocalDate.of(2030, 9, 12)).hasSize(13);
    }

    @Test
    void eachRevisionAppliesFromTheYearItTookEffect() {
        // 2013 revision (2014–2024): 春节 初一至初三, 劳动节 one day; 11 days.
        List<ScheduledDay> in2024 = StatutoryHolidays.of(2024);
        assertThat(in2024).hasSize(11).extracting(ScheduledDay::date)
                .contains(LocalDate.of(2024, 2, 10), LocalDate.of(2024, 2, 12), LocalDate.of(2024, 5, 1))
                .doesNotContain(LocalDate.of(2024, 2, 9), LocalDate.of(2024, 5, 2));
        // 2007 revision (2008–2013): 除夕 to 初二.
        assertThat(StatutoryHolidays.of(2010)).extracting(ScheduledDay::date)
                .contains(LocalDate.of(2010, 2, 13), LocalDate.of(2010, 2, 15)).doesNotContain(LocalDate.of(2010, 2, 16));
    }

    @Test
    void twoHolidaysOnOneDayAreNamedTogether() {
        // 2020: 中秋 fell on 1 October.
        assertThat(StatutoryHolidays.of(2020)).filteredOn(d -> d.date().equals(LocalDate.of(2020, 10, 1)))
                .extracting(ScheduledDay::holiday).containsExactly("中秋节、国庆节");
    }

    /** The notice adds bridging days and 调休 but never takes a statutory day away: each is off in the official year. */
    @ParameterizedTest
    @ValueSource(ints = {2021, 2022, 2023, 2024, 2025, 2026})
    void everyStatutoryDayIsOffInTheShippedOfficialYear(int year) {
        List<ScheduledDay> statutory = StatutoryHolidays.of(year);
        assertThat(statutory).isNotEmpty();
        assertThat(statutory).allSatisfy(day -> assertThat(official.isWorkingDay(day.date()))
                .as("%s（%s）在 %d 年官方安排中应为休息日", day.date(), day.holiday(), year).isFalse());
    }

    @Test
    void yearsOutsideTheCalendarAreRefusedByName() {
        assertThatThrownBy(() -> StatutoryHolidays.of(2201)).isInstanceOf(CalendarRangeException.class).hasMessageContaining("2201");
        assertThatThrownBy(() -> official.isWorkingDay(LocalDate.of(99999, 1, 1))).isInstanceOf(CalendarRangeException.class);
    }
}
