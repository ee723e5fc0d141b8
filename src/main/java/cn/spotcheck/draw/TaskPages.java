package cn.spotcheck.draw;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.catalog.CandidateScan;
import cn.spotcheck.catalog.InspectorDirectory;
import cn.spotcheck.identity.Roles;
import cn.spotcheck.inspection.InspectionView;
import cn.spotcheck.inspection.Inspections;
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
    private final Inspections inspections;
    private final CandidateScan targets;
    private final InspectorDirectory inspectors;
    private final DrawnTargetRows drawnRows;

    TaskPages(AnnualPlans plans, DrawViews draws, DrawVerification verification, TaskSchedule schedule, Inspections inspections,
              CandidateScan targets, InspectorDirectory inspectors, DrawnTargetRows drawnRows) {
        this.plans = plans;
        this.draws = draws;
        this.verification = verification;
        this.schedule = schedule;
        this.inspections = inspections;
        this.targets = targets;
        this.inspectors = inspectors;
        this.drawnRows = drawnRows;
    }

    /** A row of the 任务台账. */
    record LedgerRow(InspectionView inspection, String targetName, String targetCode, List<String> inspectorNames, boolean overdue) {
    }

    /** Rows of the ledger and drawn targets shown per page: a province's task draws tens of thousands. */
    static final int PAGE_SIZE = 100;

    @GetMapping("/{id}")
    String task(@PathVariable("id") long id, @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
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
                model.addAttribute("verification", verification.verify(draw.id()));
                model.addAttribute("drawnShown", drawnRows.first(draw, PAGE_SIZE));
            }
        });
        int total = inspections.countOf(id);
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(page, 0), pages - 1);
        model.addAttribute("ledger", ledger(task, shown * PAGE_SIZE, today));
        model.addAttribute("ledgerTotal", total);
        model.addAttribute("page", shown);
        model.addAttribute("pages", pages);
        model.addAttribute("pageSize", PAGE_SIZE);
        return "tasks/task";
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

    private List<LedgerRow> ledger(TaskView task, int offset, LocalDate today) {
        List<InspectionView> all = inspections.ofTask(task.id(), offset, PAGE_SIZE);
        Map<Long, CandidateScan.TargetIdentity> identities = targets.identities(all.stream().map(InspectionView::targetId).toList());
        Set<String> staffNos = new HashSet<>();
        all.forEach(i -> staffNos.addAll(i.inspectorStaffNos()));
        Map<String, String> names = names(staffNos);
        return all.stream().map(i -> {
            CandidateScan.TargetIdentity who = identities.get(i.targetId());
            boolean publicationLate = i.publishedAt() == null && i.publicationDueDate() != null && i.publicationDueDate().isBefore(today);
            boolean unfinished = i.inspectionEndDate() == null && task.end().isBefore(today);
            return new LedgerRow(i, who == null ? "" : who.name(), who == null ? "" : who.code(),
                    i.inspectorStaffNos().stream().map(s -> names.getOrDefault(s, s)).toList(), publicationLate || unfinished);
        }).toList();
    }

    private Map<String, String> names(java.util.Collection<String> staffNos) {
        Map<String, String> names = new java.util.HashMap<>();
        inspectors.cards(staffNos).forEach((staffNo, card) -> names.put(staffNo, card.name()));
        return names;
    }
}
