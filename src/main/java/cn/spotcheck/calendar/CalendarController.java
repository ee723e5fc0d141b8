package cn.spotcheck.calendar;

import java.time.LocalDate;

import org.springframework.http.ResponseEntity;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.spotcheck.system.ApiError;
import cn.spotcheck.system.ApiException;

/** Asks the working-day calendar: is a date a working day, and when is the N-th working day after a date. */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

    static final int MAX_DAYS = 366;

    private final WorkingDays workingDays;

    CalendarController(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    @GetMapping("/days/{date}")
    CalendarDay day(@PathVariable("date") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return workingDays.describe(date);
    }

    @GetMapping("/working-days/add")
    WorkingDaysAfter add(@RequestParam("from") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam("days") int days) {
        if (days < 0 || days > MAX_DAYS) {
            throw ApiException.badRequest("days", "工作日数 days 应在 0 到 " + MAX_DAYS + " 之间");
        }
        return new WorkingDaysAfter(from, days, workingDays.add(from, days));
    }

    @ExceptionHandler(CalendarRangeException.class)
    ResponseEntity<ApiError> outOfRange(CalendarRangeException e) {
        return ResponseEntity.unprocessableEntity().body(ApiError.of(e.getMessage()));
    }

    record WorkingDaysAfter(LocalDate from, int days, LocalDate date) {
    }
}
