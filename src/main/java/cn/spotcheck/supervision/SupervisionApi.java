package cn.spotcheck.supervision;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The supervision group's view of what is overdue. */
@RestController
@RequestMapping("/api/supervision")
@PreAuthorize("hasAnyAuthority('supervision', 'camunda-admin')")
class SupervisionApi {

    private final OverdueMonitor monitor;

    SupervisionApi(OverdueMonitor monitor) {
        this.monitor = monitor;
    }

    @GetMapping("/overdue")
    List<OverdueItem> overdue() {
        return monitor.today();
    }
}
