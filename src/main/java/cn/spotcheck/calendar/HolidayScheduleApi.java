package cn.spotcheck.calendar;

import java.io.IOException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.spotcheck.system.ApiException;

/** The holiday schedules: which years are official or provisional, loading a year's notice, what it moved. */
@RestController
@RequestMapping("/api/calendar")
class HolidayScheduleApi {

    static final String ADMIN = "hasAuthority('camunda-admin')";
    static final String WATCHERS = "hasAnyAuthority('camunda-admin', 'supervision')";

    private final HolidaySchedules schedules;
    private final HolidayScheduleStatus status;
    private final ProvisionalDeadlines deadlines;

    HolidayScheduleApi(HolidaySchedules schedules, HolidayScheduleStatus status, ProvisionalDeadlines deadlines) {
        this.schedules = schedules;
        this.status = status;
        this.deadlines = deadlines;
    }

    @GetMapping("/holiday-schedules")
    Overview overview() {
        return new Overview(status.years(), schedules.warnings());
    }

    @PostMapping("/holiday-schedules/{year}")
    @PreAuthorize(ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    Loaded load(@PathVariable("year") int year, @RequestParam("file") MultipartFile file) {
        List<DeadlineMoved> moved = schedules.load(checkedYear(year), content(file));
        return new Loaded(year, moved.size(), moved);
    }

    @GetMapping("/deadline-changes")
    @PreAuthorize(WATCHERS)
    List<DeadlineChange> changes(@RequestParam("year") int year) {
        return deadlines.changes(checkedYear(year), 1000);
    }

    static int checkedYear(int year) {
        if (year < StatutoryHolidays.FIRST_YEAR || year > StatutoryHolidays.LAST_YEAR) {
            throw ApiException.badRequest("year", "年份应在 " + StatutoryHolidays.FIRST_YEAR + " 到 "
                    + StatutoryHolidays.LAST_YEAR + " 之间");
        }
        return year;
    }

    static byte[] content(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw ApiException.badRequest("file", "请选择要上传的节假日安排文件（CSV：日期,节日,休/班）");
        }
        if (file.getSize() > HolidayScheduleFile.MAX_BYTES) {
            throw ApiException.badRequest("file", "文件过大：一年的节假日安排不超过 " + HolidayScheduleFile.MAX_BYTES / 1024 + " KB");
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw ApiException.badRequest("file", "无法读取上传的文件，请重新上传");
        }
    }

    record Overview(List<ScheduleYear> years, List<String> warnings) {
    }

    record Loaded(int year, int deadlinesMoved, List<DeadlineMoved> moves) {
    }
}
