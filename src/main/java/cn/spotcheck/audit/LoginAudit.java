package cn.spotcheck.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Logins on the login page, their failures on every entrance of the platform (the login page and HTTP Basic on the
 * API), and logouts. A successful Basic call is not a login: it is every API request, and its changes are logged
 * as such by {@link RequestAudit}.
 */
@Component
class LoginAudit {

    private final AuditLog auditLog;

    LoginAudit(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @EventListener
    void loggedIn(InteractiveAuthenticationSuccessEvent event) {
        auditLog.record(event.getAuthentication().getName(), address(event.getAuthentication()), "登录平台", "POST /login", 200);
    }

    @EventListener
    void refused(AbstractAuthenticationFailureEvent event) {
        // A locked account's refusal says why and until when (a first wrong password already holds it a few seconds).
        String why = event.getException() instanceof LockedException locked ? "登录失败：" + locked.getMessage() : "登录失败：用户名或密码错误";
        auditLog.record(event.getAuthentication().getName(), address(event.getAuthentication()), why, "POST /login", 401);
    }

    @EventListener
    void loggedOut(LogoutSuccessEvent event) {
        auditLog.record(event.getAuthentication().getName(), address(event.getAuthentication()), "退出平台", "POST /logout", 200);
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : "";
    }
}
