package cn.spotcheck.calendar;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.spotcheck.system.ApiException;

/** 节假日安排: the administrators' page to see which years are provisional and to load a year's notice. */
@Controller
@RequestMapping("/calendar/holidays")
class HolidaySchedulePages {

    private final HolidaySchedules schedules;
    private final HolidayScheduleStatus status;
    private final ProvisionalDeadlines deadlines;

    HolidaySchedulePages(HolidaySchedules schedules, HolidayScheduleStatus status, ProvisionalDeadlines deadlines) {
        this.schedules = schedules;
        this.status = status;
        this.deadlines = deadlines;
    }

    @GetMapping
    @PreAuthorize(HolidayScheduleApi.WATCHERS)
    String page(Model model) {
        List<ScheduleYear> years = status.years();
        model.addAttribute("years", years);
        model.addAttribute("nextYear", status.nextToLoad());
        model.addAttribute("changes", years.stream().filter(y -> "OFFICIAL".equals(y.status())).limit(3)
                .flatMap(y -> deadlines.changes(y.year(), 200).stream()).toList());
        return "calendar/holidays";
    }

    @PostMapping
    @PreAuthorize(HolidayScheduleApi.ADMIN)
    String load(@RequestParam(name = "year", required = false) Integer year, @RequestParam(name = "file", required = false) MultipartFile file,
                RedirectAttributes redirect) {
        try {
            if (year == null) {
                throw ApiException.badRequest("year", "请填写年份");
            }
            int checked = HolidayScheduleApi.checkedYear(year);
            List<DeadlineMoved> moved = schedules.load(checked, HolidayScheduleApi.content(file));
            redirect.addFlashAttribute("notice", checked + " 年节假日安排已导入；按正式安排重新计算期限，变动 " + moved.size() + " 个。");
        } catch (ApiException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/calendar/holidays";
    }
}
