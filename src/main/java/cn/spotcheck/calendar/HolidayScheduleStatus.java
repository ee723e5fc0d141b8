package cn.spotcheck.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/** The years from the first shipped schedule to next year, each official or provisional, for the schedule pages. */
@Component
class HolidayScheduleStatus {

    private final WorkingDays workingDays;

    HolidayScheduleStatus(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    /** The first year staff need and that is still provisional: the one to load next. */
    int nextToLoad() {
        int thisYear = BureauTime.today().getYear();
        return workingDays.isProvisional(thisYear) ? thisYear : thisYear + 1;
    }

    List<ScheduleYear> years() {
        HolidayScheduleLoader.Inventory inventory = workingDays.inventory();
        int nextYear = BureauTime.today().getYear() + 1;
        int first = inventory.sources().keySet().stream().min(Integer::compare).orElse(nextYear - 1);
        int last = Math.max(nextYear, inventory.sources().keySet().stream().max(Integer::compare).orElse(nextYear));
        List<ScheduleYear> years = new ArrayList<>();
        for (int year = last; year >= first; year--) {
            HolidayScheduleLoader.Source source = inventory.sources().get(year);
            boolean provisional = workingDays.isProvisional(year);
            List<ScheduledDay> statutory = provisional ? StatutoryHolidays.of(year) : List.of();
            years.add(new ScheduleYear(year, provisional ? "PROVISIONAL" : "OFFICIAL",
                    provisional || source == null ? null : source.name(), inventory.problems().get(year), statutory,
                    summary(statutory)));
        }
        return years;
    }

    /** "元旦 1月1日；春节 2月5日至2月8日；…": each holiday's days as one run. */
    static String summary(List<ScheduledDay> days) {
        Map<String, List<LocalDate>> byHoliday = new LinkedHashMap<>();
        days.forEach(day -> byHoliday.computeIfAbsent(day.holiday(), h -> new ArrayList<>()).add(day.date()));
        List<String> parts = new ArrayList<>();
        byHoliday.forEach((holiday, dates) -> parts.add(holiday + " " + DAY.format(dates.get(0))
                + (dates.size() > 1 ? "至" + DAY.format(dates.get(dates.size() - 1)) : "")));
        return String.join("；", parts);
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");
}
