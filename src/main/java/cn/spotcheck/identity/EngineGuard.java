package cn.spotcheck.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.spotcheck.system.ApiException;
import cn.spotcheck.system.FieldMessage;
import cn.spotcheck.system.TaskForms;

/**
 * The one gate in front of the engine's REST API, both {@code /engine-rest} and the API Tasklist itself calls
 * ({@code /camunda/api/engine/engine/<name>}). Outside the administrators, nobody rewrites a task (due date,
 * candidates, identity links, assignee of another), writes variables outside completing a task, or steers a process
 * by messages and signals; completing a task submits only the fields of that task's form, and the regime's rules
 * ({@link TaskCompletionRule}) are checked before the engine moves. Refusals are in the engine's error format
 * with a Chinese message, so Tasklist shows them as they are.
 */
class EngineGuard extends OncePerRequestFilter {

    static final Pattern ENGINE_PATH = Pattern.compile("^(?:/engine-rest|/camunda/api/engine/engine/([^/]+))(/.*)$");
    private static final Pattern COMPLETION = Pattern.compile("^/task/([^/]+)/(complete|submit-form)$");
    /**
     * Evidence has one home, the inspection's record, where its kind is read from the bytes and its size and number
     * are limited; an engine attachment would bypass all three and never appear on the record.
     */
    private static final Pattern ATTACHMENT = Pattern.compile("^/task/[^/]+/attachment/create$");
    private static final int MAX_COMPLETION_BYTES = 256 * 1024;
    private static final Object[] COMPLETION_STRIPES = new Object[256];

    static {
        for (int i = 0; i < COMPLETION_STRIPES.length; i++) {
            COMPLETION_STRIPES[i] = new Object();
        }
    }

    /** Routes that change who does what, when, or with which data, refused to everyone but administrators. */
    private static final List<Pattern> ADMINISTRATORS_ONLY = List.of(
            route("PUT|DELETE", "/task/[^/]+"),
            route("POST", "/task/create"),
            route("POST", "/task/[^/]+/(identity-links|identity-links/delete|assignee|delegate|resolve|bpmnError|bpmnEscalation)"),
            route("PUT|POST|DELETE|PATCH", "/task/[^/]+/(variables|localVariables)(/.*)?"),
            route("PUT|POST|DELETE|PATCH", "/process-instance/[^/]+/variables(/.*)?"),
            route("POST", "/process-instance/[^/]+/modification(-async)?"),
            route("PUT|POST|DELETE|PATCH", "/execution/[^/]+/(localVariables(/.*)?|signal|messageSubscriptions/.*)"),
            route("POST", "/(message|signal|condition)"));

    private final TaskService taskService;
    private final TaskForms forms;
    private final IdentityService identityService;
    private final List<TaskCompletionRule> rules;
    private final EngineTasks engineTasks;
    private final TransactionTemplate lookFirst;
    private static final ObjectMapper JSON = new ObjectMapper();

    EngineGuard(TaskService taskService, TaskForms forms, IdentityService identityService, List<TaskCompletionRule> rules,
                EngineTasks engineTasks, PlatformTransactionManager transactions) {
        this.lookFirst = new TransactionTemplate(transactions);
        this.taskService = taskService;
        this.forms = forms;
        this.identityService = identityService;
        this.rules = rules;
        this.engineTasks = engineTasks;
    }

    private static Pattern route(String methods, String path) {
        return Pattern.compile("^(" + methods + ") " + path + "$");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ENGINE_PATH.matcher(pathOf(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher engine = ENGINE_PATH.matcher(pathOf(request));
        if (!engine.matches()) {
            chain.doFilter(request, response);
            return;
        }
        String route = engine.group(2);
        if ("POST".equals(request.getMethod()) && ATTACHMENT.matcher(route).matches()) {
            refuse(response, 403, "AuthorizationException", "任务附件不经流程引擎上传：检查的证据材料（JPG、PNG 图片或 PDF，"
                    + "单个不超过 10 MB）请在检查记录页的“上传证据”处上传，平台核对文件后记入检查记录", null);
            return;
        }
        Authentication who = EngineCallers.of(request, identityService, engine.group(1));
        if (who == null || who.getGroupIds() != null && who.getGroupIds().contains(Roles.ADMIN)) {
            // Unauthenticated calls are the engine's to refuse; administrators may repair anything.
            chain.doFilter(request, response);
            return;
        }
        String call = request.getMethod() + " " + route;
        if (ADMINISTRATORS_ONLY.stream().anyMatch(p -> p.matcher(call).matches())) {
            refuse(response, 403, "AuthorizationException", "只有系统管理员可以修改任务的办理人、期限、候选人或流程变量；"
                    + "办理任务请在任务表单中填写并提交", null);
            return;
        }
        Matcher completion = COMPLETION.matcher(route);
        if ("POST".equals(request.getMethod()) && completion.matches()) {
            guardCompletion(request, response, chain, completion.group(1), who.getUserId());
            return;
        }
        chain.doFilter(request, response);
    }

    private void guardCompletion(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String userTaskId,
                                 String userId) throws IOException, ServletException {
        byte[] body = request.getInputStream().readNBytes(MAX_COMPLETION_BYTES + 1);
        if (body.length > MAX_COMPLETION_BYTES) {
            refuse(response, 413, "InvalidRequestException", "提交的表单过大（超过 256 KB）", null);
            return;
        }
        Map<String, Object> submitted;
        try {
            submitted = variables(body);
        } catch (IOException | IllegalArgumentException e) {
            refuse(response, 400, "InvalidRequestException", "提交的内容不是有效的 JSON：应为 {\"variables\":{\"字段\":{\"value\":…}}}", null);
            return;
        }
        try {
            // One transaction for every look before the engine moves (the task, the caller's right, the rules' reads):
            // a transaction each cost a tenth of a completion's time. Nothing is written: it always rolls back.
            lookFirst.executeWithoutResult(status -> {
                status.setRollbackOnly();
                EngineTasks.Look look = engineTasks.look(request, userTaskId)
                        .orElseThrow(() -> ApiException.notFound("任务不存在或已办理完毕，请刷新任务列表"));
                // Someone else's task is refused before its rules are checked: their messages name its officers and window.
                if (!look.mayWork()) {
                    throw ApiException.forbidden("这不是你的任务：只有任务的办理人或候选人可以办理");
                }
                check(request, userTaskId, userId, submitted);
            });
        } catch (ApiException e) {
            List<FieldMessage> errors = e.errors();
            refuse(response, e.status().value(), e.status().value() == 403 ? "AuthorizationException" : "InvalidRequestException",
                    e.getMessage(), errors.isEmpty() ? null : errors.get(0).field());
            return;
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        // One completion of a task at a time on this node; the second then finds the task gone (404), not half-done.
        synchronized (COMPLETION_STRIPES[Math.floorMod(userTaskId.hashCode(), COMPLETION_STRIPES.length)]) {
            TaskCompletionRules.checkedBefore(userTaskId);
            try {
                chain.doFilter(new CachedBody(request, body), answer);
            } finally {
                TaskCompletionRules.checkedBefore(null);
            }
        }
        if (answer.getStatus() == 500 && (lostARace(new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8))
                || taskService.createTaskQuery().taskId(userTaskId).count() == 0)) {
            answer.resetBuffer();
            refuse(answer, 409, "OptimisticLockingException", "该任务刚被其他人办理或修改，请刷新任务列表后重试", null);
        }
        answer.copyBodyToResponse();
    }

    /** The engine's words for two transactions changing the same task: the other one won. */
    private static boolean lostARace(String answer) {
        return answer.contains("OptimisticLockingException") || answer.contains("ENGINE-03005");
    }

    /** The task's own rules and its form's fields; run as the platform, so that what the user may not see still counts. */
    private void check(HttpServletRequest request, String userTaskId, String userId, Map<String, Object> submitted) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            EngineTasks.OpenTask task = engineTasks.beforeCompletion(request, userTaskId).orElseThrow(); // found before
            Set<String> fields = forms.of(userTaskId, task.processDefinitionId(), task.taskDefinitionKey())
                    .map(TaskForms.Fields::editable).orElse(null);
            if (fields != null) {
                List<String> foreign = submitted.keySet().stream().filter(k -> !fields.contains(k)).sorted().toList();
                if (!foreign.isEmpty()) {
                    throw ApiException.badRequest(foreign.get(0), "只能提交本任务表单中的字段，不能提交：" + String.join("、", foreign));
                }
            }
            TaskCompletionRule.CompletionAttempt attempt = new TaskCompletionRule.CompletionAttempt(userTaskId, task.processInstanceId(),
                    task.businessKey(), task.processDefinitionKey(), task.taskDefinitionKey(), userId, submitted);
            for (TaskCompletionRule rule : rules) {
                if (rule.appliesTo(task.processDefinitionKey(), task.taskDefinitionKey())) {
                    rule.check(attempt);
                }
            }
        } finally {
            identityService.setAuthentication(caller);
        }
    }

    private Map<String, Object> variables(byte[] body) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        if (body.length == 0) {
            return values;
        }
        JsonNode variables = JSON.readTree(body).path("variables");
        if (variables.isMissingNode() || variables.isNull()) {
            return values;
        }
        if (!variables.isObject()) {
            throw new IllegalArgumentException("variables");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> variable = it.next();
            JsonNode value = variable.getValue().path("value");
            values.put(variable.getKey(), value.isMissingNode() || value.isNull() ? null
                    : value.isBoolean() ? value.booleanValue() : value.isNumber() ? value.numberValue() : value.isTextual() ? value.textValue() : value.toString());
        }
        return values;
    }

    /** A refusal in the engine REST API's own error format ({@code type}, {@code message}), with the field when one is at fault. */
    static void refuse(HttpServletResponse response, int status, String type, String message, String field) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", type);
        error.put("message", message);
        if (field != null) {
            error.put("field", field);
        }
        response.getWriter().write(JSON.writeValueAsString(error));
    }

    static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
