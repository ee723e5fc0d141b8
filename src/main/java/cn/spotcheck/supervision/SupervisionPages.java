package cn.spotcheck.supervision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.catalog.InspectorDirectory;
import cn.spotcheck.identity.CurrentUser;
import cn.spotcheck.system.ApiException;

/**
 * The 督查考核组's page: what is overdue today, by rule, and what falls due within a few working days; filterable by
 * department, rule and inspector, each row to its record.
 */
@Controller
@RequestMapping("/supervision")
@PreAuthorize("hasAnyAuthority('supervision', 'camunda-admin')")
class SupervisionPages {

    private final OverdueMonitor monitor;
    private final InspectorDirectory inspectors;
    private final SupervisionNotices notices;
    private final RiskWarnings warnings;

    SupervisionPages(OverdueMonitor monitor, InspectorDirectory inspectors, SupervisionNotices notices, RiskWarnings warnings) {
        this.monitor = monitor;
        this.inspectors = inspectors;
        this.notices = notices;
        this.warnings = warnings;
    }

    /** 督查通报 about one of today's overdue rows; the answer is due in the working days chosen. */
    @PostMapping("/notices")
    String issueNotice(@RequestParam(name = "rule", required = false) String rule, @RequestParam(name = "reference", required = false) String reference,
                       @RequestParam(name = "content", required = false) String content,
                       @RequestParam(name = "workingDays", required = false) String workingDays, RedirectAttributes redirect) {
        try {
            int days = workingDays != null && workingDays.matches("\\d{1,2}") ? Integer.parseInt(workingDays) : 0;
            SupervisionNotices.Notice notice = notices.issue(rule, reference, content, days, CurrentUser.id());
            redirect.addFlashAttribute("notice", "已向" + notice.department() + "发出督查通报，限 " + notice.dueDate() + " 前答复");
        } catch (ApiException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/supervision#notices";
    }

    @GetMapping
    String overdue(@RequestParam(name = "department", required = false) String department,
                   @RequestParam(name = "rule", required = false) String rule,
                   @RequestParam(name = "inspector", required = false) String inspector, Model model) {
        OverdueMonitor.Watch watch = monitor.watch();
        List<OverdueItem> all = watch.overdue();
        Map<String, String> rules = new LinkedHashMap<>();
        all.forEach(i -> rules.putIfAbsent(i.rule(), i.ruleName()));
        Predicate<OverdueItem> ofDepartment = i -> department == null || department.isBlank() || department.equals(i.department());
        Predicate<OverdueItem> ofInspector = i -> inspector == null || inspector.isBlank() || i.inspectors().contains(inspector);
        List<OverdueItem> shown = all.stream().filter(ofDepartment).filter(ofInspector)
                .filter(i -> rule == null || rule.isBlank() || rule.equals(i.rule())).toList();
        Map<String, List<OverdueItem>> byRule = shown.stream().collect(Collectors.groupingBy(OverdueItem::ruleName, LinkedHashMap::new,
                Collectors.toList()));
        model.addAttribute("byRule", byRule);
        model.addAttribute("soon", watch.dueSoon().stream()
                .filter(ofDepartment).filter(ofInspector).toList());
        model.addAttribute("soonDays", OverdueMonitor.SOON_WORKING_DAYS);
        model.addAttribute("total", shown.size());
        model.addAttribute("departments", new TreeSet<>(all.stream().map(OverdueItem::department).filter(d -> !d.isBlank()).toList()));
        model.addAttribute("rules", rules);
        model.addAttribute("department", department);
        model.addAttribute("rule", rule);
        Map<String, String> team = new TreeMap<>();
        TreeSet<String> listed = new TreeSet<>(java.util.stream.Stream.concat(all.stream(), watch.dueSoon().stream())
                .flatMap(i -> i.inspectors().stream()).toList());
        if (inspector != null && !inspector.isBlank()) {
            listed.add(inspector); // the one asked for stays chosen, even with nothing overdue
        }
        inspectors.cards(listed).forEach((staffNo, card) -> team.put(staffNo, card.name() + "（" + staffNo + "）"));
        model.addAttribute("inspectors", team);
        model.addAttribute("inspector", inspector);
        List<SupervisionNotices.Notice> recent = notices.recent(100);
        model.addAttribute("notices", recent);
        model.addAttribute("noticed", recent.stream().filter(n -> "OPEN".equals(n.status())).map(n -> n.rule() + "|" + n.reference())
                .collect(Collectors.toSet()));
        model.addAttribute("today", BureauTime.today());
        model.addAttribute("warnings", warnings.today());
        return "supervision/overdue";
    }
}
