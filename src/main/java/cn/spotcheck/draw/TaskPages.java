package cn.spotcheck.draw;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.catalog.SpreadsheetExport;
import cn.spotcheck.identity.Roles;
import cn.spotcheck.plan.AnnualPlans;
import cn.spotcheck.plan.PlanView;
import cn.spotcheck.plan.TaskView;
import cn.spotcheck.system.ApiException;

/**
 * One spot-check task's page: its draw as anyone can check it (seed, algorithm, strata, targets and their
 * inspectors, verification, place in the chain, replacements), 开始抽取 for a published task, and the 任务台账 of
 * its inspections with what is overdue marked.
 */
@Controller
@RequestMapping("/tasks")
class TaskPages {

    private final AnnualPlans plans;
    private final DrawViews draws;
    private final DrawVerification verification;
    private final TaskSchedule schedule;
    private final TaskLedger ledger;
    private final DrawnTargetRows drawnRows;

    TaskPages(AnnualPlans plans, DrawViews draws, DrawVerification verification, TaskSchedule schedule, TaskLedger ledger,
              DrawnTargetRows drawnRows) {
        this.plans = plans;
        this.draws = draws;
        this.verification = verification;
        this.schedule = schedule;
        this.ledger = ledger;
        this.drawnRows = drawnRows;
    }


    /** Rows of the ledger and drawn targets shown per page: a province's task draws tens of thousands. */
    static final int PAGE_SIZE = 100;

    @GetMapping("/{id}")
    String task(@PathVariable("id") long id, @RequestParam(name = "page", defaultValue = "0") int page,
                @RequestParam(name = "verify", required = false) String verify, Model model) {
        TaskView task = plans.task(id);
        PlanView plan = plans.planOf(id);
        LocalDate today = BureauTime.today();
        model.addAttribute("task", task);
        model.addAttribute("plan", plan);
        boolean started = schedule.started(id);
        model.addAttribute("started", started);
        model.addAttribute("startable", plan.published() && !started && !today.isBefore(task.start())
                && !today.isAfter(task.end()) && Roles.current(Roles.LEGAL, Roles.ADMIN));
        draws.findByTask(id).ifPresent(draw -> {
            boolean readable = DrawViews.readableByCurrentUser(draw);
            model.addAttribute("draw", draw);
            model.addAttribute("drawReadable", readable);
            if (readable) {
                DrawVerification.Checked checked = verification.verifyRecent(draw.id(), "now".equals(verify));
                model.addAttribute("verification", checked.verification());
                model.addAttribute("verifiedAt", checked.at());
                model.addAttribute("drawnShown", drawnRows.first(draw, PAGE_SIZE));
            }
        });
        int total = ledger.size(id);
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(page, 0), pages - 1);
        model.addAttribute("ledger", ledger.rows(task, shown * PAGE_SIZE, PAGE_SIZE, today));
        model.addAttribute("ledgerExtra", ledger.extraTitles());
        model.addAttribute("ledgerTotal", total);
        model.addAttribute("page", shown);
        model.addAttribute("pages", pages);
        model.addAttribute("pageSize", PAGE_SIZE);
        return "tasks/task";
    }

    /** The whole 任务台账 as a spreadsheet, written as it is read. */
    @GetMapping("/{id}/ledger.xlsx")
    ResponseEntity<StreamingResponseBody> ledgerSpreadsheet(@PathVariable("id") long id) {
        TaskView task = plans.task(id);
        LocalDate today = BureauTime.today();
        return SpreadsheetExport.xlsx("任务台账-" + task.name() + "-" + today + ".xlsx", "任务台账", ledger.header(),
                sink -> ledger.forEach(task, today, row -> sink.accept(TaskLedger.cells(row))));
    }

    @PostMapping("/{id}/start")
    @PreAuthorize(DrawApi.DRAWERS)
    String start(@PathVariable("id") long id, RedirectAttributes redirect) {
        try {
            schedule.checkStartable(id);
            boolean now = schedule.startOnce(id);
            redirect.addFlashAttribute("notice", now ? "已开始抽取：抽取结果待法制审核人员在任务列表中“确认并公布”后公开。" : "该任务已经开始，以下为其抽取结果。");
        } catch (ApiException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/tasks/" + id;
    }
}
