package cn.spotcheck.calendar;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the calendar's warnings on every staff page; the layout shows them to administrators and supervision. */
@ControllerAdvice(annotations = Controller.class)
class CalendarWarnings {

    private final HolidaySchedules schedules;

    CalendarWarnings(HolidaySchedules schedules) {
        this.schedules = schedules;
    }

    @ModelAttribute("calendarWarnings")
    List<String> calendarWarnings() {
        return schedules.warnings();
    }
}
