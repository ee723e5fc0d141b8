package cn.spotcheck.identity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The engine's own refusals ("The user with id 'zf001' does not have 'CREATE' permission on resource
 * 'ProcessInstance'."), which Tasklist shows as they come, said in Chinese: which right on what is missing. The
 * answer keeps its status and its fields (type, the missing authorizations); only its message changes. Answers other
 * than 403 pass through untouched, unbuffered.
 */
final class EngineRefusalsInChinese extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, String> RESOURCES = Map.ofEntries(
            Map.entry("ProcessInstance", "流程实例"), Map.entry("ProcessDefinition", "流程定义"), Map.entry("Task", "任务"),
            Map.entry("Deployment", "流程部署"), Map.entry("User", "用户"), Map.entry("Group", "用户组"),
            Map.entry("GroupMembership", "用户组成员"), Map.entry("Authorization", "授权"), Map.entry("Filter", "任务过滤器"),
            Map.entry("Application", "应用"), Map.entry("Tenant", "租户"), Map.entry("TenantMembership", "租户成员"),
            Map.entry("Batch", "批量操作"), Map.entry("DecisionDefinition", "决策定义"),
            Map.entry("DecisionRequirementsDefinition", "决策需求定义"), Map.entry("HistoricProcessInstance", "历史流程实例"),
            Map.entry("HistoricTask", "历史任务"), Map.entry("Report", "报表"), Map.entry("Dashboard", "仪表盘"),
            Map.entry("System", "系统"), Map.entry("OperationLogCategory", "操作日志"));

    private static final Map<String, String> PERMISSIONS = Map.ofEntries(
            Map.entry("ALL", "全部"), Map.entry("READ", "读取"), Map.entry("UPDATE", "修改"), Map.entry("CREATE", "创建"),
            Map.entry("DELETE", "删除"), Map.entry("ACCESS", "访问"), Map.entry("CREATE_INSTANCE", "发起流程"),
            Map.entry("READ_INSTANCE", "读取流程实例"), Map.entry("UPDATE_INSTANCE", "修改流程实例"),
            Map.entry("DELETE_INSTANCE", "删除流程实例"), Map.entry("READ_TASK", "读取任务"), Map.entry("UPDATE_TASK", "修改任务"),
            Map.entry("TASK_WORK", "办理任务"), Map.entry("TASK_ASSIGN", "分配任务"), Map.entry("READ_HISTORY", "读取历史"),
            Map.entry("DELETE_HISTORY", "删除历史"), Map.entry("READ_VARIABLE", "读取变量"), Map.entry("UPDATE_VARIABLE", "修改变量"),
            Map.entry("RETRY_JOB", "重试作业"), Map.entry("SUSPEND", "挂起"), Map.entry("SUSPEND_INSTANCE", "挂起流程实例"));

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Answer answer = new Answer(response);
        chain.doFilter(request, answer);
        answer.finish();
    }

    /** The Chinese for a refusal's body, or the body itself when it is not the engine's English refusal. */
    static byte[] inChinese(byte[] body) {
        JsonNode refusal;
        try {
            refusal = JSON.readTree(body);
        } catch (IOException notJson) {
            return body;
        }
        if (!(refusal instanceof ObjectNode object) || !"AuthorizationException".equals(refusal.path("type").asText())
                || refusal.path("message").asText().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return body;
        }
        List<String> missing = new ArrayList<>();
        for (JsonNode authorization : refusal.path("missingAuthorizations")) {
            String permission = authorization.path("permissionName").asText();
            String resource = authorization.path("resourceName").asText();
            missing.add("对「" + RESOURCES.getOrDefault(resource, resource) + "」的「" + PERMISSIONS.getOrDefault(permission, permission) + "」权限");
        }
        object.put("message", missing.isEmpty() ? "无权执行此操作" : "无权执行此操作：当前用户缺少" + String.join("或", missing)
                + "。如确需办理，请联系系统管理员");
        try {
            return JSON.writeValueAsBytes(object);
        } catch (IOException e) {
            return body;
        }
    }

    /** Holds a 403's body until the request is done; every other answer goes straight out. */
    private static final class Answer extends HttpServletResponseWrapper {
        private ByteArrayOutputStream held;
        private ServletOutputStream stream;
        private PrintWriter writer;

        Answer(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int status) {
            super.setStatus(status);
            if (status == SC_FORBIDDEN && held == null && !isCommitted()) {
                held = new ByteArrayOutputStream();
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (held == null) {
                return super.getOutputStream();
            }
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        held.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        held.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException();
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (held == null) {
                return super.getWriter();
            }
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
            }
            return writer;
        }

        // The length of the body as written, which the Chinese one replaces.
        @Override
        public void setContentLength(int length) {
            if (held == null) {
                super.setContentLength(length);
            }
        }

        @Override
        public void setContentLengthLong(long length) {
            if (held == null) {
                super.setContentLengthLong(length);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (held == null || !"Content-Length".equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (held == null || !"Content-Length".equalsIgnoreCase(name)) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            if (held == null) {
                super.flushBuffer();
            }
        }

        void finish() throws IOException {
            if (held == null) {
                return;
            }
            if (writer != null) {
                writer.flush();
            }
            byte[] body = inChinese(held.toByteArray());
            HttpServletResponse response = (HttpServletResponse) getResponse();
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
