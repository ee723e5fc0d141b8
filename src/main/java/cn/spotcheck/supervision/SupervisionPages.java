package cn.spotcheck.supervision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The 督查考核组's page: what is overdue today, by rule, and what falls due within a few working days; filterable by
 * department and rule, each row to its record.
 */
@Controller
@RequestMapping("/supervision")
@PreAuthorize("hasAnyAuthority('supervision', 'camunda-admin')")
class SupervisionPages {

    private final OverdueMonitor monitor;

    SupervisionPages(OverdueMonitor monitor) {
        this.monitor = monitor;
    }

    /** An overdue item with the page it is recorded on (null when it has no page yet). */
    record Row(OverdueItem item, String link) {
    }

    @GetMapping
    String overdue(@RequestParam(name = "department", required = false) String department,
                   @RequestParam(name = "rule", required = false) String rule, Model model) {
        OverdueMonitor.Watch watch = monitor.watch();
        List<OverdueItem> all = watch.overdue();
        Map<String, String> rules = new LinkedHashMap<>();
        all.forEach(i -> rules.putIfAbsent(i.rule(), i.ruleName()));
        List<OverdueItem> shown = all.stream()
                .filter(i -> department == null || department.isBlank() || department.equals(i.department()))
                .filter(i -> rule == null || rule.isBlank() || rule.equals(i.rule())).toList();
        Map<String, List<Row>> byRule = shown.stream().collect(Collectors.groupingBy(OverdueItem::ruleName, LinkedHashMap::new,
                Collectors.mapping(i -> new Row(i, i.recordPath()), Collectors.toList())));
        model.addAttribute("byRule", byRule);
        model.addAttribute("soon", watch.dueSoon().stream()
                .filter(i -> department == null || department.isBlank() || department.equals(i.department()))
                .map(i -> new Row(i, i.recordPath())).toList());
        model.addAttribute("soonDays", OverdueMonitor.SOON_WORKING_DAYS);
        model.addAttribute("total", shown.size());
        model.addAttribute("departments", new TreeSet<>(all.stream().map(OverdueItem::department).filter(d -> !d.isBlank()).toList()));
        model.addAttribute("rules", rules);
        model.addAttribute("department", department);
        model.addAttribute("rule", rule);
        return "supervision/overdue";
    }
}
