package cn.spotcheck.supervision;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.catalog.ItemList;
import cn.spotcheck.catalog.ItemView;
import cn.spotcheck.draw.TaskSchedule;
import cn.spotcheck.identity.CurrentUser;
import cn.spotcheck.plan.PlanView;
import cn.spotcheck.plan.TargetedTasks;
import cn.spotcheck.plan.TaskView;
import cn.spotcheck.system.AdvisoryLock;
import cn.spotcheck.system.ApiException;

/**
 * 信用风险预警 for the legal staff and the supervision group; a legal user answers one with a 定向抽查 task of this
 * year's plan in one action: the task names the warning's targets, its items are those of the list that apply to
 * their category, its reason is the warning, and its draw (of the inspectors; the targets are named) starts at once.
 */
@Controller
@RequestMapping("/warnings")
@PreAuthorize("hasAnyAuthority('legal', 'supervision', 'camunda-admin')")
class WarningPages {

    private final RiskWarnings warnings;
    private final TargetedTasks targetedTasks;
    private final TaskSchedule schedule;
    private final ItemList items;
    private final JdbcTemplate jdbc;

    WarningPages(RiskWarnings warnings, TargetedTasks targetedTasks, TaskSchedule schedule, ItemList items, JdbcTemplate jdbc) {
        this.warnings = warnings;
        this.targetedTasks = targetedTasks;
        this.schedule = schedule;
        this.items = items;
        this.jdbc = jdbc;
    }

    @GetMapping
    String page(Model model) {
        List<RiskWarnings.Warning> today = warnings.today();
        List<PlanView> plans = targetedTasks.plansOpenToTargetedTasks();
        List<ItemView> current = items.current();
        Map<String, Long> plansPreferred = new HashMap<>();
        today.forEach(w -> preferredPlan(applying(current, w), plans).ifPresent(p -> plansPreferred.put(w.reference(), p)));
        model.addAttribute("warnings", today);
        model.addAttribute("rules", warnings.ruleTexts());
        model.addAttribute("plans", plans);
        model.addAttribute("preferredPlan", plansPreferred);
        model.addAttribute("answered", answered());
        return "supervision/warnings";
    }

    /** 转为定向抽查: the warning as it stands now becomes a targeted task of {@code planId}, drawn at once. */
    @PostMapping("/targeted")
    @PreAuthorize("hasAnyAuthority('legal', 'camunda-admin')")
    @Transactional
    String targeted(@RequestParam(name = "reference", required = false) String reference,
                    @RequestParam(name = "planId", required = false) String planId, RedirectAttributes redirect) {
        RiskWarnings.Warning warning = warnings.find(reference == null ? "" : reference.strip()).orElseThrow(() ->
                ApiException.badRequest("reference", "该预警已不存在（预警按当天的数据计算），请刷新页面后再选择"));
        AdvisoryLock.holdUntilCommit(jdbc, "spotcheck.risk-warning:" + warning.reference());
        Long existing = answered().get(warning.reference());
        if (existing != null) {
            throw ApiException.conflict("reference", "该预警已转为定向抽查任务 " + existing + "，不再重复创建");
        }
        List<String> codes = applying(items.current(), warning).stream().filter(ItemView::active).map(ItemView::code).toList();
        TaskView task = targetedTasks.add(planId == null || !planId.strip().matches("\\d{1,18}") ? null : Long.parseLong(planId.strip()),
                "定向抽查：" + (RiskWarnings.TARGET.equals(warning.kind()) ? "多次发现问题的检查对象" : warning.subject()), codes, warning.targetIds(), "信用风险预警（" + warning.kindName() + "）：" + warning.detail());
        jdbc.update("insert into spotcheck.risk_warning_action (reference, task_id, acted_by, acted_at) values (?, ?, ?, ?)",
                warning.reference(), task.id(), CurrentUser.id(), Timestamp.from(BureauTime.now()));
        schedule.startOnce(task.id());
        redirect.addFlashAttribute("notice", "已创建定向抽查任务“" + task.name() + "”，检查对象 " + warning.targetIds().size()
                + " 户，执法检查人员已随机抽取，请确认后公布");
        return "redirect:/tasks/" + task.id();
    }

    /** The warnings already answered, with the task that answers each. */
    private Map<String, Long> answered() {
        Map<String, Long> answered = new HashMap<>();
        jdbc.query("select reference, max(task_id) from spotcheck.risk_warning_action group by reference",
                rs -> {
                    answered.put(rs.getString(1), rs.getLong(2));
                });
        return answered;
    }

    /** The items of the list that apply to the warning's target categories. */
    private static List<ItemView> applying(List<ItemView> items, RiskWarnings.Warning warning) {
        return items.stream().filter(i -> i.categories().stream().anyMatch(warning.categories()::contains)).toList();
    }

    /** The plan whose department owns {@code applying} items, if one is open; else the first open one. */
    private static java.util.Optional<Long> preferredPlan(List<ItemView> applying, List<PlanView> plans) {
        List<String> departments = applying.stream().map(ItemView::department).toList();
        return plans.stream().filter(p -> departments.contains(p.department())).map(PlanView::id).findFirst()
                .or(() -> plans.stream().map(PlanView::id).findFirst());
    }
}
