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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.spotcheck.catalog.InspectorDirectory;

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

    SupervisionPages(OverdueMonitor monitor, InspectorDirectory inspectors) {
        this.monitor = monitor;
        this.inspectors = inspectors;
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
        return "supervision/overdue";
    }
}
