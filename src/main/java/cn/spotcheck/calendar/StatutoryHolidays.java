package cn.spotcheck.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.tyme.lunar.LunarDay;
import com.tyme.solar.SolarDay;
import com.tyme.solar.SolarTerm;

/**
 * The statutory holidays of a year as 《全国年节及纪念日放假办法》 fixes them, without the State Council's yearly
 * bridging days and 调休: what can be known of a year before its notice is published. Lunar dates and the 清明
 * solar term come from the tyme4j calendar library. Each revision of the rules applies from the year it took effect.
 */
final class StatutoryHolidays {

    /** The range in which lunar dates and solar terms are computed reliably, and in which a date makes sense here. */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2200;

    private StatutoryHolidays() {
    }

    /** The statutory days off of {@code year}, in date order; a day that is two holidays at once is named for both. */
    public static List<ScheduledDay> of(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new CalendarRangeException(year);
        }
        Revision rules = Revision.of(year);
        Map<LocalDate, String> days = new TreeMap<>();
        add(days, LocalDate.of(year, 1, 1), 1, "元旦");
        LocalDate springFestival = solar(LunarDay.fromYmd(year, 1, 1).getSolarDay());
        add(days, rules.newYearsEve ? springFestival.minusDays(1) : springFestival,
                rules.springFestivalDays, "春节");
        if (rules.traditionalFestivals) {
            add(days, solar(SolarTerm.fromName(year, "清明").getSolarDay()), 1, "清明节");
        }
        add(days, MonthDay.of(5, 1).atYear(year), rules.labourDays, "劳动节");
        if (rules.traditionalFestivals) {
            add(days, solar(LunarDay.fromYmd(year, 5, 5).getSolarDay()), 1, "端午节");
            add(days, solar(LunarDay.fromYmd(year, 8, 15).getSolarDay()), 1, "中秋节");
        }
        add(days, MonthDay.of(10, 1).atYear(year), 3, "国庆节");
        List<ScheduledDay> schedule = new ArrayList<>();
        days.forEach((date, name) -> schedule.add(new ScheduledDay(date, name, DayKind.OFF)));
        return List.copyOf(schedule);
    }

    private static void add(Map<LocalDate, String> days, LocalDate first, int count, String holiday) {
        for (int i = 0; i < count; i++) {
            days.merge(first.plusDays(i), holiday, (a, b) -> a + "、" + b);
        }
    }

    private static LocalDate solar(SolarDay day) {
        return LocalDate.of(day.getYear(), day.getMonth(), day.getDay());
    }

    /** The revisions of 《全国年节及纪念日放假办法》 and what each gives off. */
    private enum Revision {
        /** 1999: 春节 初一至初三, 劳动节 and 国庆 three days each; no traditional festivals. */
        R1999(false, 3, 3, false),
        /** 2007, in force from 2008: 春节 除夕至初二, 劳动节 one day, 清明、端午、中秋 added. */
        R2007(true, 3, 1, true),
        /** 2013, in force from 2014: 春节 初一至初三. */
        R2013(false, 3, 1, true),
        /** 2024, in force from 2025: 春节 除夕至初三, 劳动节 two days. */
        R2024(true, 4, 2, true);

        final boolean newYearsEve;
        final int springFestivalDays;
        final int labourDays;
        final boolean traditionalFestivals;

        Revision(boolean newYearsEve, int springFestivalDays, int labourDays, boolean traditionalFestivals) {
            this.newYearsEve = newYearsEve;
            this.springFestivalDays = springFestivalDays;
            this.labourDays = labourDays;
            this.traditionalFestivals = traditionalFestivals;
        }

        static Revision of(int year) {
            if (year >= 2025) {
                return R2024;
            }
            if (year >= 2014) {
                return R2013;
            }
            return year >= 2008 ? R2007 : R1999;
        }
    }
}
