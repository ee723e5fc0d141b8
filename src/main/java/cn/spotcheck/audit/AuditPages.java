package cn.spotcheck.audit;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 审计日志: the newest entries first, narrowed by user, words and days, a hundred at a time; the chain checked on demand. */
@Controller
@RequestMapping("/audit")
@PreAuthorize(AuditPages.READERS)
class AuditPages {

    static final String READERS = "hasAnyAuthority('supervision', 'camunda-admin')";

    private final AuditLog auditLog;

    AuditPages(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping
    String page(@RequestParam(name = "user", required = false) String user, @RequestParam(name = "q", required = false) String q,
                @RequestParam(name = "from", required = false) String from, @RequestParam(name = "to", required = false) String to,
                @RequestParam(name = "before", required = false) String before,
                @RequestParam(name = "verify", required = false) String verify, Model model) {
        List<AuditLog.Entry> entries = auditLog.search(AuditQueries.parse(user, q, from, to, before));
        model.addAttribute("entries", entries);
        model.addAttribute("more", entries.size() == AuditLog.PAGE ? entries.get(entries.size() - 1).position() : null);
        model.addAttribute("user", user);
        model.addAttribute("q", q);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        if (verify != null) {
            model.addAttribute("verification", auditLog.verify());
        }
        return "audit/index";
    }
}
