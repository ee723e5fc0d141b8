package cn.spotcheck.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who makes a request, whichever entrance it came through: the platform's own login (pages and {@code /api}), the
 * engine REST API's Basic authentication (which has told the engine), or the webapps' session (Tasklist's own API).
 */
public final class EngineCallers {

    private EngineCallers() {
    }

    /** The engine's idea of the caller: its REST authentication, else the webapps' session for {@code webappEngine}. */
    static Authentication of(HttpServletRequest request, IdentityService identityService, String webappEngine) {
        Authentication engineCaller = identityService.getCurrentAuthentication();
        if (engineCaller != null || webappEngine == null || request.getSession(false) == null) {
            return engineCaller;
        }
        Authentications inSession = AuthenticationUtil.getAuthsFromSession(request.getSession(false));
        if (inSession != null && inSession.getAuthenticationForProcessEngine(webappEngine) instanceof UserAuthentication user) {
            return new Authentication(user.getIdentityId(), user.getGroupIds());
        }
        return null;
    }

    /** The id of whoever makes the request, or null when nobody is logged in. */
    public static String userId(HttpServletRequest request, IdentityService identityService) {
        var platform = SecurityContextHolder.getContext().getAuthentication();
        if (platform != null && platform.isAuthenticated() && !(platform instanceof AnonymousAuthenticationToken)) {
            return platform.getName();
        }
        Authentication engineCaller = identityService.getCurrentAuthentication();
        if (engineCaller != null) {
            return engineCaller.getUserId();
        }
        HttpSession session = request.getSession(false);
        Authentications inSession = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        return inSession == null ? null
                : inSession.getAuthentications().stream().map(UserAuthentication::getIdentityId).findFirst().orElse(null);
    }
}
