package cn.spotcheck.supervision;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The supervision group's view of what is overdue, and the year's figures. */
@RestController
@RequestMapping("/api/supervision")
@PreAuthorize("hasAnyAuthority('supervision', 'camunda-admin')")
class SupervisionApi {

    private final OverdueMonitor monitor;
    private final SupervisionStatistics statistics;

    SupervisionApi(OverdueMonitor monitor, SupervisionStatistics statistics) {
        this.monitor = monitor;
        this.statistics = statistics;
    }

    /** The year's figures, one row per department. */
    @GetMapping("/statistics")
    List<DepartmentFigures> statistics(@RequestParam(name = "year", required = false) String year) {
        return statistics.departments(Years.parse(year)).departments();
    }

    @GetMapping("/overdue")
    List<OverdueItem> overdue() {
        return monitor.today();
    }
}
