package cn.spotcheck.audit;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for the supervision group and the administrators: search it, and check its chain. */
@RestController
@RequestMapping("/api/audit")
@PreAuthorize(AuditPages.READERS)
class AuditApi {

    private final AuditLog auditLog;

    AuditApi(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping
    List<AuditLog.Entry> search(@RequestParam(name = "user", required = false) String user, @RequestParam(name = "q", required = false) String q,
                                @RequestParam(name = "from", required = false) String from, @RequestParam(name = "to", required = false) String to,
                                @RequestParam(name = "before", required = false) String before) {
        return auditLog.search(AuditQueries.parse(user, q, from, to, before));
    }

    @GetMapping("/verify")
    AuditLog.Verification verify() {
        return auditLog.verify();
    }
}
