package cn.spotcheck.plan;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.catalog.CatalogVocabulary;
import cn.spotcheck.catalog.ItemList;
import cn.spotcheck.catalog.ItemView;
import cn.spotcheck.identity.Department;
import cn.spotcheck.system.ApiException;

/**
 * The plan pages: a year's plans by department and status, one plan with its tasks, reviews and published versions;
 * drafting, adding tasks and submitting for review from the browser, by the same rules as the API.
 */
@Controller
@RequestMapping("/plans")
class PlanPages {

    private final AnnualPlans plans;
    private final ItemList items;
    private final CatalogVocabulary vocabulary;
    private final List<DrawForecast> forecast;

    PlanPages(AnnualPlans plans, ItemList items, CatalogVocabulary vocabulary, List<DrawForecast> forecast) {
        this.plans = plans;
        this.items = items;
        this.vocabulary = vocabulary;
        this.forecast = forecast;
    }

    /** A task as the page's form posts it: lists as the browser sends repeated fields, the ratio in per cent. */
    record TaskForm(String name, List<String> itemCodes, List<String> categories, String regions, String tags, BigDecimal ratioPercent,
                    Integer inspectorsPerTarget, String start, String end, String form, String jointGroup) {

        TaskInput input() {
            boolean joint = jointGroup != null && !jointGroup.isBlank();
            return new TaskInput(name, itemCodes == null ? List.of() : itemCodes,
                    new TaskInput.Filter(categories == null ? List.of() : categories, split(regions), split(tags)),
                    ratioPercent == null ? null : ratioPercent.movePointLeft(2), inspectorsPerTarget, start, end, form,
                    List.of(), joint, joint ? jointGroup.strip() : null);
        }

        private static List<String> split(String text) {
            return text == null ? List.of() : Arrays.stream(text.split("[,，、\\s]+")).filter(s -> !s.isBlank()).toList();
        }

        static TaskForm empty(int year) {
            return new TaskForm(null, List.of(), List.of(), null, null, new BigDecimal("5"), 2, year + "-04-01", year + "-11-30",
                    CheckForm.SECTOR_OWN.name(), null);
        }
    }

    @ModelAttribute
    void vocabularies(Model model) {
        model.addAttribute("departments", Arrays.stream(Department.values()).map(Department::displayName).toList());
        model.addAttribute("checkForms", CheckForm.values());
    }

    @GetMapping
    String list(@RequestParam(name = "year", required = false) Integer year, Model model) {
        List<PlanView> all = plans.all();
        int shown = year != null ? year : BureauTime.today().getYear();
        List<Integer> years = all.stream().map(PlanView::year).distinct().sorted(Comparator.reverseOrder()).collect(Collectors.toList());
        if (!years.contains(shown)) {
            years.add(0, shown);
        }
        Map<String, List<PlanView>> byDepartment = new TreeMap<>(all.stream().filter(p -> p.year() == shown)
                .collect(Collectors.groupingBy(PlanView::department)));
        model.addAttribute("year", shown);
        model.addAttribute("years", years);
        model.addAttribute("byDepartment", byDepartment);
        model.addAttribute("plan", new PlanInput(shown, null, null));
        return "plans/list";
    }

    @PostMapping
    @PreAuthorize(PlanApi.AUTHORS)
    String create(@ModelAttribute("plan") PlanInput input, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            PlanView created = plans.create(input);
            redirect.addFlashAttribute("notice", "已新建计划：" + created.title() + "。请添加抽查任务，然后提交审核。");
            return "redirect:/plans/" + created.id();
        } catch (ApiException e) {
            model.addAttribute("problem", e);
            response.setStatus(e.status().value());
            return list(input.year(), model);
        }
    }

    @GetMapping("/{id}")
    String plan(@PathVariable("id") long id, Model model) {
        PlanView plan = plans.get(id);
        if (!model.containsAttribute("task")) {
            model.addAttribute("task", TaskForm.empty(plan.year()));
        }
        Map<String, ItemView> itemsByCode = items.current().stream().collect(Collectors.toMap(ItemView::code, Function.identity(),
                (a, b) -> a, TreeMap::new));
        model.addAttribute("plan", plan);
        model.addAttribute("editable", PlanStatus.valueOf(plan.status()).editable());
        model.addAttribute("items", itemsByCode);
        model.addAttribute("activeItems", itemsByCode.values().stream().filter(ItemView::active).toList());
        model.addAttribute("categories", vocabulary.categories());
        model.addAttribute("versions", plans.publishedVersions(id));
        model.addAttribute("forecasts", plan.tasks().stream().collect(Collectors.toMap(TaskView::id,
                t -> DrawForecast.levels(forecast, t))));
        model.addAttribute("stageNames", Map.of(AnnualPlanProcess.LEGAL_REVIEW, "法制审核", AnnualPlanProcess.JUSTICE_REVIEW, "市司法局审核"));
        return "plans/plan";
    }

    @PostMapping("/{id}/tasks")
    @PreAuthorize(PlanApi.AUTHORS)
    String addTask(@PathVariable("id") long id, @ModelAttribute("task") TaskForm form, Model model, RedirectAttributes redirect,
                   HttpServletResponse response) {
        try {
            TaskView added = plans.addTask(id, form.input());
            redirect.addFlashAttribute("notice", "已添加抽查任务：" + added.name());
            return "redirect:/plans/" + id;
        } catch (ApiException e) {
            model.addAttribute("problem", e);
            response.setStatus(e.status().value());
            return plan(id, model);
        }
    }

    @PostMapping("/{id}/submit")
    @PreAuthorize(PlanApi.AUTHORS)
    String submit(@PathVariable("id") long id, RedirectAttributes redirect) {
        return act(id, () -> plans.submit(id), "已提交审核：法制审核人员将在任务列表中收到“法制审核”待办。", redirect);
    }

    @PostMapping("/{id}/adjust")
    @PreAuthorize(PlanApi.AUTHORS)
    String adjust(@PathVariable("id") long id, RedirectAttributes redirect) {
        return act(id, () -> plans.adjust(id), "计划已转入调整：修改后请重新提交审核，原已发布版本保留。", redirect);
    }

    /** A button on the plan's page: done and said, or refused with the reason; back to the plan either way. */
    private static String act(long id, Runnable action, String done, RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", done);
        } catch (ApiException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/plans/" + id;
    }
}
