package cn.spotcheck;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/** Ways to the starting point many tests share: a published plan with one task, as legal staff would make it. */
public final class Fixtures {

    private Fixtures() {
    }

    /** Drafts, submits and approves (法制 and 司法局) a 2027 plan with one task; returns the task id. */
    public static long publishedTask(TestRestTemplate http, TaskService taskService, String itemCode, List<String> categories,
                                     double ratio) {
        return publishedTask(http, taskService, itemCode, categories, ratio, "2027-04-01", "2027-10-31");
    }

    /** The same with the task's window: its plan is of the window's year. */
    public static long publishedTask(TestRestTemplate http, TaskService taskService, String itemCode, List<String> categories,
                                     double ratio, String start, String end) {
        return publishedTask(http, taskService, "公路管理科", itemCode, categories, ratio, start, end);
    }

    /** The same for a plan of {@code department}. */
    public static long publishedTask(TestRestTemplate http, TaskService taskService, String department, String itemCode,
                                     List<String> categories, double ratio, String start, String end) {
        TestRestTemplate fagui = http.withBasicAuth("fagui", "demo");
        int year = Integer.parseInt(start.substring(0, 4));
        long planId = fagui.postForEntity("/api/plans", Map.of("year", year, "department", department, "title", "测试计划 " + itemCode),
                JsonNode.class).getBody().get("id").asLong();
        Map<String, Object> task = new HashMap<>();
        task.put("name", "测试任务 " + itemCode);
        task.put("itemCodes", List.of(itemCode));
        task.put("targetFilter", Map.of("categories", categories));
        task.put("ratio", ratio);
        task.put("inspectorsPerTarget", 2);
        task.put("start", start);
        task.put("end", end);
        long taskId = fagui.postForEntity("/api/plans/" + planId + "/tasks", task, JsonNode.class).getBody().get("id").asLong();
        fagui.postForObject("/api/plans/" + planId + "/submit", null, JsonNode.class);
        for (String key : List.of("legalReview", "justiceReview")) {
            Task review = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(planId)).taskDefinitionKey(key).singleResult();
            taskService.complete(review.getId(), Map.of("approved", true, "comment", "同意"));
        }
        return taskId;
    }

    /** Executes the asynchronous steps of one process instance (as the job executor would) until none is left. */
    public static void runAsyncJobs(ManagementService managementService, String processInstanceId) {
        for (int guard = 0; guard < 1000; guard++) {
            List<Job> jobs = managementService.createJobQuery().processInstanceId(processInstanceId).messages().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
        throw new IllegalStateException("异步作业未能在 1000 轮内执行完：" + processInstanceId);
    }

    /** The one number a {@code select count(*) …} answers. */
    public static long count(org.springframework.jdbc.core.JdbcTemplate jdbc, String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    /**
     * Waits until every domain event published so far has been handled by its listeners (they run after commit, on
     * another thread); fails naming the listeners still waiting after 20 seconds.
     */
    public static void awaitModuleEvents(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        long deadline = System.currentTimeMillis() + 20_000;
        String sql = "select listener_id || ' ← ' || event_type from spotcheck.event_publication where completion_date is null";
        List<String> waiting = jdbc.queryForList(sql, String.class);
        while (!waiting.isEmpty()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("领域事件 20 秒内未处理完：" + waiting);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            waiting = jdbc.queryForList(sql, String.class);
        }
    }

    /** The id of the running spot-check-task process of a task. */
    public static String taskProcess(RuntimeService runtimeService, long taskId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("spot-check-task")
                .processInstanceBusinessKey(String.valueOf(taskId)).singleResult().getId();
    }

    /** The id of any target in the directory of the given category. */
    public static long someTarget(TestRestTemplate http, String category) {
        return http.withBasicAuth("fagui", "demo").getForObject("/api/targets?category={c}&size=1", JsonNode.class, category)
                .get("content").get(0).get("id").asLong();
    }

    /** Posts {@code content} as the multipart field {@code file} named {@code fileName}, as a browser or curl would. */
    public static org.springframework.http.ResponseEntity<JsonNode> upload(TestRestTemplate as, String path, String fileName, byte[] content) {
        org.springframework.util.LinkedMultiValueMap<String, Object> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("file", new org.springframework.core.io.ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
        return as.postForEntity(path, new org.springframework.http.HttpEntity<>(form, headers), JsonNode.class);
    }

    /** A valid 统一社会信用代码 (GB 32100-2015 check characters) for a test's own company number {@code serial}. */
    public static String uscc(int serial) {
        String organisation = String.format("%08d", serial);
        String first17 = "91220104" + organisation + cn.spotcheck.catalog.CreditCode.organisationCheck(organisation);
        return first17 + cn.spotcheck.catalog.CreditCode.checkCharacter(first17);
    }

    /** Confirms the task's draw (started already) and runs its fan-out: every drawn target has its inspection. */
    public static void confirmAndDispatch(TaskService taskService, RuntimeService runtimeService, ManagementService managementService,
                                          long taskId) {
        Task confirm = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(taskId)).taskDefinitionKey("confirmDraw")
                .singleResult();
        taskService.complete(confirm.getId(), Map.of("approved", true));
        runAsyncJobs(managementService, taskProcess(runtimeService, taskId));
    }

    /** A demo officer (zf001–zf040) who is not one of {@code team}. */
    public static String inspectorNotOn(List<String> team) {
        return java.util.stream.IntStream.rangeClosed(1, 40).mapToObj(i -> String.format("zf%03d", i))
                .filter(u -> !team.contains(u)).findFirst().orElseThrow();
    }

    /** Starts an inspection of {@code targetId} for {@code taskId} and item {@code itemCode}, offered to {@code inspectors}. */
    public static org.camunda.bpm.engine.runtime.ProcessInstance startInspection(RuntimeService runtimeService, String code, long taskId,
                                                                                 long targetId, String itemCode, String... inspectors) {
        return runtimeService.startProcessInstanceByKey("inspection", code, Map.of("taskId", taskId, "targetId", targetId,
                "itemCodes", List.of(itemCode), "inspectorUserIds", List.of(inspectors)));
    }

    private static final java.util.regex.Pattern CSRF = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /**
     * As a browser posts a page's form: the session and CSRF token of {@code pagePath}, then the form to {@code postPath};
     * {@code user} null: someone not logged in (the login form itself).
     */
    public static org.springframework.http.ResponseEntity<String> postPageForm(TestRestTemplate http, String user, String pagePath,
                                                                               String postPath,
                                                                               org.springframework.util.MultiValueMap<String, String> form) {
        TestRestTemplate as = user == null ? http : http.withBasicAuth(user, "demo");
        org.springframework.http.ResponseEntity<String> page = as.getForEntity(pagePath, String.class);
        java.util.regex.Matcher token = CSRF.matcher(page.getBody());
        if (!token.find()) {
            throw new AssertionError(pagePath + " 没有 CSRF 令牌");
        }
        form.add("_csrf", token.group(1));
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(org.springframework.http.HttpHeaders.COOKIE, page.getHeaders().getFirst(org.springframework.http.HttpHeaders.SET_COOKIE).split(";")[0]);
        return as.exchange(postPath, org.springframework.http.HttpMethod.POST,
                new org.springframework.http.HttpEntity<>(form, headers), String.class, Map.of());
    }

    /** Logs in to Tasklist as its page does (the webapps' CSRF header), with {@code headers} added; the answer's status. */
    public static int tasklistLogin(TestRestTemplate http, org.springframework.http.HttpHeaders headers, String user, String password) {
        return tasklistLoginAnswer(http, headers, user, password).getStatusCode().value();
    }

    /** Logs in to Tasklist as its page does; the headers of that session: its cookies and the webapps' CSRF token. */
    public static org.springframework.http.HttpHeaders tasklistSession(TestRestTemplate http, String user) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        org.springframework.http.ResponseEntity<String> login = tasklistLoginAnswer(http, headers, user, "demo");
        if (login.getStatusCode().value() != 200) {
            throw new AssertionError(user + " 登录任务列表失败：" + login.getStatusCode());
        }
        Map<String, String> byName = new HashMap<>();
        java.util.stream.Stream.concat(headers.getOrEmpty(org.springframework.http.HttpHeaders.COOKIE).stream(),
                        login.getHeaders().getOrEmpty(org.springframework.http.HttpHeaders.SET_COOKIE).stream())
                .forEach(c -> byName.put(c.split("=")[0], c.split(";")[0]));
        org.springframework.http.HttpHeaders session = new org.springframework.http.HttpHeaders();
        session.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        session.put(org.springframework.http.HttpHeaders.COOKIE, new java.util.ArrayList<>(byName.values()));
        // The login began a new session, which has no token yet: Tasklist's next read (who am I) hands it one.
        org.springframework.http.ResponseEntity<String> me = http.exchange("/camunda/api/admin/auth/user/default",
                org.springframework.http.HttpMethod.GET, new org.springframework.http.HttpEntity<>(session), String.class);
        session.set("X-XSRF-TOKEN", me.getHeaders().getFirst("X-XSRF-TOKEN"));
        return session;
    }

    private static org.springframework.http.ResponseEntity<String> tasklistLoginAnswer(TestRestTemplate http,
            org.springframework.http.HttpHeaders headers, String user, String password) {
        org.springframework.http.ResponseEntity<String> welcome = http.getForEntity("/camunda/app/tasklist/", String.class);
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED);
        headers.set("X-XSRF-TOKEN", welcome.getHeaders().getFirst("X-XSRF-TOKEN"));
        headers.put(org.springframework.http.HttpHeaders.COOKIE, welcome.getHeaders().getOrEmpty(org.springframework.http.HttpHeaders.SET_COOKIE)
                .stream().map(c -> c.split(";")[0]).toList());
        org.springframework.util.LinkedMultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", password);
        return http.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
                new org.springframework.http.HttpEntity<>(form, headers), String.class);
    }
}
