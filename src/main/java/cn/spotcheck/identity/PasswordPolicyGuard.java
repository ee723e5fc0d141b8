package cn.spotcheck.identity;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A password set through the engine's API — an administrator creating a user in Admin, anyone changing their own in
 * Tasklist's profile — meets the password policy: refused with the rules it breaks, in Chinese and naming the field,
 * before the engine would answer in English.
 */
final class PasswordPolicyGuard extends OncePerRequestFilter {

    /** Within either engine API ({@link EngineGuard#ENGINE_PATH}). */
    private static final Pattern ROUTE = Pattern.compile("^/user/(?:(create)|([^/]+)/credentials)$");
    private static final int MAX_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IdentityService identityService;

    PasswordPolicyGuard(IdentityService identityService) {
        this.identityService = identityService;
    }

    private static Matcher route(HttpServletRequest request) {
        Matcher engine = EngineGuard.ENGINE_PATH.matcher(EngineGuard.pathOf(request));
        return ROUTE.matcher(engine.matches() ? engine.group(2) : "");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !route(request).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher route = route(request);
        boolean creating = route.matches() && route.group(1) != null;
        if (!(creating ? "POST" : "PUT").equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            EngineGuard.refuse(response, 413, "InvalidRequestException", "提交的内容过大（超过 64 KB）", null);
            return;
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            EngineGuard.refuse(response, 400, "InvalidRequestException", "提交的内容不是有效的 JSON", null);
            return;
        }
        JsonNode password = creating ? json.path("credentials").path("password") : json.path("password");
        if (password.isTextual()) {
            PasswordPolicyResult result = identityService.checkPasswordAgainstPolicy(password.asText(),
                    creating ? profile(json.path("profile")) : existing(route.group(2)));
            if (!result.isValid()) {
                EngineGuard.refuse(response, 400, "InvalidRequestException", PasswordRules.broken(result), "password");
                return;
            }
        }
        chain.doFilter(new CachedBody(request, body), response);
    }

    /** The user as Admin's form describes them, for the rule that a password holds none of their data. */
    private User profile(JsonNode profile) {
        User user = identityService.newUser(profile.path("id").asText(""));
        user.setFirstName(profile.path("firstName").asText(null));
        user.setLastName(profile.path("lastName").asText(null));
        user.setEmail(profile.path("email").asText(null));
        return user;
    }

    private User existing(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        return user != null ? user : identityService.newUser(userId);
    }
}
