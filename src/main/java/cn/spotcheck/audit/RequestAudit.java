package cn.spotcheck.audit;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.spotcheck.identity.CachedBody;
import cn.spotcheck.identity.EngineCallers;
import cn.spotcheck.identity.EngineTasks;

/**
 * Every request that may change something, on every entrance (pages, {@code /api}, {@code /engine-rest}, the
 * webapps' API, the webapps' login), goes into the audit log with who made it, from where, what it does and how it
 * ended — refusals included. Reading is not logged; the body is not kept (passwords, files), only what the path names.
 */
class RequestAudit extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestAudit.class);
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Pattern WEBAPP_LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/([^/]+)$");
    private static final Pattern WEBAPP_LOGOUT = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/logout$");
    private static final Pattern COMPLETION = Pattern.compile("^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/(?:complete|submit-form)$");
    private static final Pattern USERNAME = Pattern.compile("(?:^|&)username=([^&]*)");

    private final AuditLog auditLog;
    private final IdentityService identityService;
    private final EngineTasks engineTasks;

    RequestAudit(AuditLog auditLog, IdentityService identityService, EngineTasks engineTasks) {
        this.auditLog = auditLog;
        this.identityService = identityService;
        this.engineTasks = engineTasks;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = pathOf(request);
        return SAFE.contains(request.getMethod()) || path.startsWith("/public/") || path.equals("/login") || path.equals("/logout")
                || AuditActions.isQuery(request.getMethod(), path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = pathOf(request);
        String action = AuditActions.of(request.getMethod(), path);
        String target = request.getMethod() + " " + path;
        String claimedUser = null;
        Matcher login = WEBAPP_LOGIN.matcher(path);
        if (login.matches()) {
            byte[] body = request.getInputStream().readNBytes(4096);
            request = new CachedBody(request, body);
            claimedUser = username(new String(body, StandardCharsets.UTF_8));
            action = "登录" + ("tasklist".equals(login.group(1)) ? "任务列表" : "流程平台（" + login.group(1) + "）");
        } else if (WEBAPP_LOGOUT.matcher(path).matches()) {
            action = "退出流程平台";
        }
        String userBefore = EngineCallers.userId(request, identityService);
        int status = 500;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            String user = userBefore != null ? userBefore : EngineCallers.userId(request, identityService);
            EngineTasks.OpenTask task = completedTask(request, path);
            if (task != null) {
                action = "办理任务：" + task.name();
                target = target + "（流程实例 " + task.processInstanceId() + "）";
            }
            try {
                auditLog.record(user != null ? user : claimedUser != null ? claimedUser : "（未登录）", request.getRemoteAddr(),
                        action, target, status);
            } catch (RuntimeException e) {
                log.error("审计日志未能记录：{} {} {}", user, action, target, e);
            }
        }
    }

    /**
     * The task a completion names, read after the chain: the engine guard has looked it up by then, in the
     * transaction of its other looks (one transaction fewer per completion than looking here first). Null when it
     * cannot be read: the request is logged all the same.
     */
    private EngineTasks.OpenTask completedTask(HttpServletRequest request, String path) {
        Matcher completion = COMPLETION.matcher(path);
        if (!completion.matches()) {
            return null;
        }
        try {
            return engineTasks.afterCompletion(request, completion.group(1)).orElse(null);
        } catch (RuntimeException e) {
            log.warn("审计日志未能读取任务 {}：{}", completion.group(1), e.toString());
            return null;
        }
    }

    private static String username(String form) {
        Matcher m = USERNAME.matcher(form);
        return m.find() ? URLDecoder.decode(m.group(1), StandardCharsets.UTF_8) : null;
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
