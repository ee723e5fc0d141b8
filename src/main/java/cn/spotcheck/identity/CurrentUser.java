package cn.spotcheck.identity;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting, for the history of every change: the logged-in user, or the platform itself. */
public final class CurrentUser {

    public static final String SYSTEM = "system";

    private CurrentUser() {
    }

    /** A user id as pages show who did something: the platform's own steps read 系统自动. */
    public static String shown(String userId) {
        return userId == null ? "—" : SYSTEM.equals(userId) ? "系统自动" : userId;
    }

    /**
     * The user on whose behalf the platform acts: the one logged in to the platform, else the one the engine
     * authenticated (Tasklist, engine REST API), else {@link #SYSTEM}. Never Spring's "anonymousUser".
     */
    public static String id() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated() && authentication.getName() != null
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return authentication.getName();
        }
        ProcessEngine engine = ProcessEngines.getDefaultProcessEngine(false);
        var engineCaller = engine == null ? null : engine.getIdentityService().getCurrentAuthentication();
        return engineCaller != null && engineCaller.getUserId() != null ? engineCaller.getUserId() : SYSTEM;
    }
}
