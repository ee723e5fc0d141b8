package cn.spotcheck.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;

/**
 * The record cannot be rewritten through the engine's REST API: an inspector (or a legal user) cannot move a due
 * date, drop a co-inspector, rewrite the variables that say who inspects which target, or submit fields his form
 * does not have, neither on {@code /engine-rest} nor on the API Tasklist itself uses. An administrator can.
 */
@SpotCheckIntegrationTest
class EngineGuardTest {

    @Autowired
    private AuthorizationService authorizationService;
    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    cn.spotcheck.inspection.Inspections inspections;

    static long taskId;
    static long targetId;
    static int sequence;

    @BeforeEach
    void setUp() {
        if (taskId == 0) {
            taskId = Fixtures.publishedTask(http, taskService, "JT-HY-01", List.of("公路货运"), 0.05);
            targetId = Fixtures.someTarget(http, "公路货运");
        }
        // The day after the visits these tests record, inside the task's window.
        ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2027-05-11 09:00:00"));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anOfficerCannotRewriteWhoInspectsWhatOrWhen() {
        Task onSite = onSiteTaskOf(newInspection());
        String task = "/engine-rest/task/" + onSite.getId();
        TestRestTemplate inspector = http.withBasicAuth("zf001", "demo");

        assertRefused(inspector.exchange(task + "/variables/inspectorUserIds", HttpMethod.PUT,
                json(Map.of("value", "zf001", "type", "String")), JsonNode.class));
        assertRefused(inspector.exchange(task + "/localVariables/inspectionEndDate", HttpMethod.PUT,
                json(Map.of("value", "2099-01-01", "type", "String")), JsonNode.class));
        assertRefused(inspector.exchange(task + "/variables", HttpMethod.POST,
                json(Map.of("modifications", Map.of("targetId", Map.of("value", 1)))), JsonNode.class));
        assertRefused(inspector.exchange(task + "/identity-links/delete", HttpMethod.POST,
                json(Map.of("userId", "zf002", "type", "candidate")), JsonNode.class));
        assertRefused(inspector.exchange(task + "/identity-links", HttpMethod.POST,
                json(Map.of("userId", "zf009", "type", "candidate")), JsonNode.class));
        assertRefused(inspector.exchange(task, HttpMethod.PUT, json(Map.of("name", "现场检查", "due", "2099-01-01T00:00:00.000+0800")), JsonNode.class));
        assertRefused(inspector.exchange(task, HttpMethod.DELETE, null, JsonNode.class));
        assertRefused(http.withBasicAuth("fagui", "demo").exchange(task, HttpMethod.PUT,
                json(Map.of("name", "现场检查", "due", "2099-01-01T00:00:00.000+0800")), JsonNode.class));

        assertThat(taskService.getVariable(onSite.getId(), "inspectorUserIds").toString()).contains("zf002");
        assertThat(taskService.getIdentityLinksForTask(onSite.getId())).extracting(IdentityLink::getUserId).contains("zf001", "zf002");
        assertThat(taskService.createTaskQuery().taskId(onSite.getId()).singleResult().getDueDate())
                .isEqualTo(java.sql.Timestamp.valueOf("2027-10-31 23:59:59"));

        ResponseEntity<JsonNode> foreign = complete(inspector, onSite.getId(),
                Map.of("inspectionDate", "2027-05-10", "onSiteNotes", "资质齐全", "targetId", 1));
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(foreign.getBody().get("message").asText()).contains("targetId");
        assertThat(runtimeService.getVariable(onSite.getProcessInstanceId(), "targetId")).isEqualTo(targetId);

        // An administrator repairs what must be repaired.
        ResponseEntity<JsonNode> byAdmin = http.withBasicAuth("admin", "demo").exchange(task, HttpMethod.PUT,
                json(Map.of("name", "现场检查", "due", "2027-11-30T23:59:59.000+0800")), JsonNode.class);
        assertThat(byAdmin.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void evidenceIsNotAttachedThroughTheEngineButOnTheRecordPage() {
        Task onSite = onSiteTaskOf(newInspection());
        for (String user : List.of("zf001", "admin")) {
            LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
            form.add("attachment-name", "现场照片.png");
            form.add("content", new org.springframework.core.io.ByteArrayResource(new byte[] {(byte) 0x89, 'P', 'N', 'G'}) {
                @Override
                public String getFilename() {
                    return "现场照片.png";
                }
            });
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
            ResponseEntity<JsonNode> answer = http.withBasicAuth(user, "demo").exchange(
                    "/engine-rest/task/" + onSite.getId() + "/attachment/create", HttpMethod.POST, new HttpEntity<>(form, headers), JsonNode.class);
            assertThat(answer.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(answer.getBody().path("message").asText()).as(user).contains("检查记录页", "上传证据");
        }
        assertThat(taskService.getProcessInstanceAttachments(onSite.getProcessInstanceId())).isEmpty();
    }

    @Test
    void tasklistsOwnApiIsGuardedTheSameWay() {
        Task onSite = onSiteTaskOf(newInspection());
        HttpHeaders session = Fixtures.tasklistSession(http, "zf001");
        String base = "/camunda/api/engine/engine/default/task/" + onSite.getId();
        ResponseEntity<JsonNode> links = http.exchange(base + "/identity-links/delete", HttpMethod.POST,
                new HttpEntity<>(Map.of("userId", "zf002", "type", "candidate"), session), JsonNode.class);
        assertRefused(links);
        Map<String, Object> variables = new HashMap<>();
        variables.put("inspectionDate", Map.of("value", "2027-05-10"));
        variables.put("onSiteNotes", Map.of("value", "资质齐全"));
        variables.put("inspectorUserIds", Map.of("value", "zf001"));
        ResponseEntity<JsonNode> submit = http.exchange(base + "/submit-form", HttpMethod.POST,
                new HttpEntity<>(Map.of("variables", variables), session), JsonNode.class);
        assertThat(submit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(submit.getBody().get("message").asText()).contains("inspectorUserIds");
    }

    @Test
    void twoOfficersCompletingOneTaskAtOnceLeaveOneWinnerAndAClearAnswer() throws Exception {
        Task onSite = onSiteTaskOf(newInspection());
        Map<String, Object> form = Map.of("inspectionDate", "2027-05-10", "onSiteNotes", "资质齐全");
        CompletableFuture<ResponseEntity<JsonNode>> first = CompletableFuture.supplyAsync(() -> complete(http.withBasicAuth("zf001", "demo"), onSite.getId(), form));
        CompletableFuture<ResponseEntity<JsonNode>> second = CompletableFuture.supplyAsync(() -> complete(http.withBasicAuth("zf002", "demo"), onSite.getId(), form));
        List<HttpStatus> statuses = new ArrayList<>();
        for (ResponseEntity<JsonNode> answer : List.of(first.get(), second.get())) {
            statuses.add(HttpStatus.valueOf(answer.getStatusCode().value()));
            if (answer.getStatusCode().isError()) {
                assertThat(answer.getStatusCode().is4xxClientError()).as("the loser gets a 4xx, not a 500: %s", answer.getBody()).isTrue();
            }
        }
        assertThat(statuses).containsOnlyOnce(HttpStatus.NO_CONTENT);
    }

    @Test
    void theRecordedDatesLieInTheTasksWindowAndNotInTheFuture() {
        ProcessInstance inspection = newInspection();
        Task onSite = onSiteTaskOf(inspection);
        assertThat(onSite.getDueDate()).as("due at the end of the task's window").isEqualTo(java.sql.Timestamp.valueOf("2027-10-31 23:59:59"));
        TestRestTemplate inspector = http.withBasicAuth("zf001", "demo");
        assertDateRefused(complete(inspector, onSite.getId(), Map.of("inspectionDate", "2027-12-01", "onSiteNotes", "无")), "inspectionDate", "期限");
        assertDateRefused(complete(inspector, onSite.getId(), Map.of("inspectionDate", "2027-02-30", "onSiteNotes", "无")), "inspectionDate", "不是有效日期");
        assertDateRefused(complete(inspector, onSite.getId(), Map.of("inspectionDate", "2027-05-20", "onSiteNotes", "无")), "inspectionDate", "晚于今天");
        assertThat(complete(inspector, onSite.getId(), Map.of("inspectionDate", "2027-05-10", "onSiteNotes", "无")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        String result = taskService.createTaskQuery().processInstanceId(inspection.getId()).taskDefinitionKey("resultEntry").singleResult().getId();
        assertDateRefused(complete(inspector, result, Map.of("resultCategory", "xx", "findings", "无", "inspectionEndDate", "2027-05-10")),
                "resultCategory", "标准类别");
        assertDateRefused(complete(inspector, result, Map.of("resultCategory", "未发现问题", "findings", "无", "inspectionEndDate", "99999-01-01")),
                "inspectionEndDate", "不是有效日期");
        assertDateRefused(complete(inspector, result, Map.of("resultCategory", "未发现问题", "findings", "无", "inspectionEndDate", "2027-05-09")),
                "inspectionEndDate", "早于现场检查日期");
        assertThat(complete(inspector, result, Map.of("resultCategory", "未发现问题", "findings", "无", "inspectionEndDate", "2027-05-10"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void aResultOfHandoverOrReferralNamesTheAuthorityItGoesTo() {
        ProcessInstance inspection = newInspection();
        TestRestTemplate inspector = http.withBasicAuth("zf001", "demo");
        assertThat(complete(inspector, onSiteTaskOf(inspection).getId(), Map.of("inspectionDate", "2027-05-10", "onSiteNotes", "无"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        String result = taskService.createTaskQuery().processInstanceId(inspection.getId()).taskDefinitionKey("resultEntry").singleResult().getId();
        Map<String, Object> referral = Map.of("resultCategory", "已移送司法机关", "findings", "涉嫌伪造道路运输证", "inspectionEndDate", "2027-05-10");

        assertDateRefused(complete(inspector, result, referral), "receivingDepartment", "请填写接收单位");
        Map<String, Object> blank = new HashMap<>(referral);
        blank.put("receivingDepartment", "  ");
        assertDateRefused(complete(inspector, result, blank), "receivingDepartment", "移送书的收件机关");
        Map<String, Object> tooLong = new HashMap<>(referral);
        tooLong.put("receivingDepartment", "长".repeat(101));
        assertDateRefused(complete(inspector, result, tooLong), "receivingDepartment", "不能超过 100 个字");
        assertThat(taskService.createTaskQuery().taskId(result).count()).as("nothing recorded while refused").isEqualTo(1);

        Map<String, Object> named = new HashMap<>(referral);
        named.put("receivingDepartment", "长春市公安局");
        assertThat(complete(inspector, result, named).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(runtimeService.getVariable(inspection.getId(), "receivingDepartment")).isEqualTo("长春市公安局");
    }

    /** The audit log names the task each completion worked, whether the guard looked at it (an officer) or not (an administrator). */
    @Test
    void eachCompletionIsNamedInTheAuditLog() {
        ProcessInstance inspection = newInspection();
        Task onSite = onSiteTaskOf(inspection);
        assertThat(complete(http.withBasicAuth("zf002", "demo"), onSite.getId(), Map.of("inspectionDate", "2027-05-10", "onSiteNotes", "无"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        String result = taskService.createTaskQuery().processInstanceId(inspection.getId()).taskDefinitionKey("resultEntry").singleResult().getId();
        assertThat(complete(http.withBasicAuth("admin", "demo"), result, Map.of("resultCategory", "未发现问题", "findings", "无",
                "inspectionEndDate", "2027-05-10")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode log = http.withBasicAuth("ducha", "demo").getForObject("/api/audit?q=" + inspection.getId(), JsonNode.class);
        List<String> lines = new ArrayList<>();
        log.forEach(e -> lines.add(e.get("actor").asText() + " " + e.get("action").asText() + " " + e.get("target").asText()));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("zf002 办理任务：现场检查 · ")
                .contains(inspection.getBusinessKey() + "） POST /engine-rest/task/" + onSite.getId() + "/complete")
                .endsWith("（流程实例 " + inspection.getId() + "）"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("admin 办理任务：结果录入 · ")
                .contains(inspection.getBusinessKey() + "） POST /engine-rest/task/" + result + "/complete")
                .endsWith("（流程实例 " + inspection.getId() + "）"));
    }

    @Test
    void theOnSiteRecordNamesTwoDrawnOfficersPresent() {
        ProcessInstance inspection = newInspection();
        Task onSite = onSiteTaskOf(inspection);
        assertThat(runtimeService.getVariable(inspection.getId(), "officerChoices").toString()).startsWith("zf001|").contains(";zf002|");
        TestRestTemplate inspector = http.withBasicAuth("zf001", "demo");
        Map<String, Object> alone = Map.of("inspectionDate", "2027-05-10", "onSiteNotes", "无", "presentOfficer1", "zf001");
        assertDateRefused(complete(inspector, onSite.getId(), alone), "presentOfficer2", "两名执法人员");
        assertDateRefused(complete(inspector, onSite.getId(), Map.of("inspectionDate", "2027-05-10", "onSiteNotes", "无",
                "presentOfficer1", "zf001", "presentOfficer2", "zf009")), "presentOfficer2", "不是本次检查抽中");
        assertDateRefused(complete(inspector, onSite.getId(), Map.of("inspectionDate", "2027-05-10", "onSiteNotes", "无",
                "presentOfficer1", "zf001", "presentOfficer2", "zf001")), "presentOfficer2", "同一人");
        assertThat(complete(inspector, onSite.getId(), Map.of("inspectionDate", "2027-05-10", "onSiteNotes", "无",
                "presentOfficer1", "zf002", "presentOfficer2", "zf001")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(inspections.get(inspection.getBusinessKey()).presentOfficers()).containsExactly("zf002", "zf001");
    }

    /**
     * What the engine's API shows an officer: the tasks, variables and history of the inspections they were drawn
     * for, nothing of another's, and of the users only themselves. Variables of a running inspection are changed by
     * administrators alone.
     */
    @Test
    void anOfficerSeesOnlyTheInspectionsTheyWereDrawnFor() {
        ProcessInstance inspection = newInspection();
        Task onSite = onSiteTaskOf(inspection);
        String instance = inspection.getId();
        TestRestTemplate drawn = http.withBasicAuth("zf001", "demo");
        TestRestTemplate other = http.withBasicAuth("zf009", "demo");

        assertThat(ids(drawn, "/engine-rest/task?processInstanceId=" + instance)).containsExactly(onSite.getId());
        assertThat(ids(drawn, "/engine-rest/variable-instance?processInstanceIdIn=" + instance)).isNotEmpty();
        assertThat(drawn.getForEntity("/engine-rest/task/" + onSite.getId() + "/variables", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        assertThat(ids(other, "/engine-rest/task?processInstanceId=" + instance)).isEmpty();
        assertThat(other.getForEntity("/engine-rest/task/" + onSite.getId(), JsonNode.class).getStatusCode().value()).isIn(403, 404);
        assertThat(other.getForEntity("/engine-rest/task/" + onSite.getId() + "/variables", JsonNode.class).getStatusCode().value())
                .isIn(403, 404);
        assertThat(other.getForEntity("/engine-rest/process-instance/" + instance + "/variables", JsonNode.class).getStatusCode().value())
                .isIn(403, 404);
        assertThat(ids(other, "/engine-rest/process-instance?processInstanceIds=" + instance)).isEmpty();
        assertThat(ids(other, "/engine-rest/variable-instance?processInstanceIdIn=" + instance)).isEmpty();
        for (String history : List.of("task", "process-instance", "variable-instance", "activity-instance", "detail")) {
            assertThat(ids(other, "/engine-rest/history/" + history + "?processInstanceId=" + instance)).as(history).isEmpty();
        }
        // Completing it is refused before the inspection's rules speak: nothing of it (its officers, its window) is told.
        ResponseEntity<JsonNode> notTheirs = complete(other, onSite.getId(), Map.of("inspectionDate", "2027-02-30",
                "presentOfficer1", "zf001", "presentOfficer2", "zf002"));
        assertThat(notTheirs.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(notTheirs.getBody().get("message").asText()).contains("不是你的任务").doesNotContain("zf001", "期限", "日期");
        assertThat(onSiteTaskOf(inspection)).as("still open").isNotNull();
        // Whom the engine itself lets work the task (here by a grant of an administrator's) passes to the rules.
        Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setUserId("zf009");
        grant.setResource(Resources.TASK);
        grant.setResourceId(onSite.getId());
        grant.addPermission(TaskPermissions.TASK_WORK);
        authorizationService.saveAuthorization(grant);
        try {
            assertDateRefused(complete(other, onSite.getId(), Map.of("inspectionDate", "2027-02-30",
                    "presentOfficer1", "zf001", "presentOfficer2", "zf002")), "inspectionDate", "不是有效日期");
        } finally {
            authorizationService.deleteAuthorization(grant.getId());
        }
        ResponseEntity<JsonNode> none = complete(drawn, "no-such-task", Map.of());
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(none.getBody().get("message").asText()).contains("任务不存在");
        assertThat(ids(other, "/engine-rest/user")).containsExactly("zf009");
        assertThat(ids(other, "/engine-rest/group")).doesNotContain(Roles.ADMIN, Roles.LEGAL);
        assertThat(ids(other, "/engine-rest/authorization")).isEmpty();

        // Only an administrator changes a running inspection's variables, whoever else asks.
        for (String user : List.of("zf001", "fagui", "ducha", "sifa")) {
            assertRefused(http.withBasicAuth(user, "demo").exchange("/engine-rest/process-instance/" + instance + "/variables/targetId",
                    HttpMethod.PUT, json(Map.of("value", 1, "type", "Long")), JsonNode.class));
        }
        assertThat(runtimeService.getVariable(instance, "targetId")).isEqualTo(targetId);
        assertThat(http.withBasicAuth("admin", "demo").exchange("/engine-rest/process-instance/" + instance + "/variables/note",
                HttpMethod.PUT, json(Map.of("value", "管理员修复", "type", "String")), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    /**
     * A drawn officer passes on the task's own word (its candidates), unless an administrator revoked the officer's
     * right to work it: then the engine's rule decides, and refuses.
     */
    @Test
    void anAdministratorsRevokeOfACandidatesRightCounts() {
        Task onSite = onSiteTaskOf(newInspection());
        TestRestTemplate drawn = http.withBasicAuth("zf001", "demo");
        Map<String, Object> impossible = Map.of("inspectionDate", "2027-02-30", "presentOfficer1", "zf001", "presentOfficer2", "zf002");
        Authorization revoke = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
        revoke.setUserId("zf001");
        revoke.setResource(Resources.TASK);
        revoke.setResourceId(onSite.getId());
        revoke.removePermission(TaskPermissions.TASK_WORK);
        revoke.removePermission(TaskPermissions.UPDATE);
        authorizationService.saveAuthorization(revoke);
        try {
            assertThat(authorizationService.isUserAuthorized("zf001", List.of(), TaskPermissions.TASK_WORK, Resources.TASK, onSite.getId()))
                    .as("the engine's own answer").isFalse();
            ResponseEntity<JsonNode> revoked = complete(drawn, onSite.getId(), impossible);
            assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(revoked.getBody().get("message").asText()).contains("不是你的任务");
        } finally {
            authorizationService.deleteAuthorization(revoke.getId());
        }
        assertDateRefused(complete(drawn, onSite.getId(), impossible), "inspectionDate", "不是有效日期");
        assertThat(taskService.createTaskQuery().taskId(onSite.getId()).count()).as("still open").isEqualTo(1);
    }

    /** The ids of a list the engine's API answers (an error answers none). */
    private static List<String> ids(TestRestTemplate as, String path) {
        ResponseEntity<JsonNode> answer = as.getForEntity(path, JsonNode.class);
        List<String> ids = new ArrayList<>();
        if (answer.getStatusCode().is2xxSuccessful()) {
            answer.getBody().forEach(row -> ids.add(row.path("id").asText()));
        }
        return ids;
    }

    private static void assertDateRefused(ResponseEntity<JsonNode> answer, String field, String words) {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("field").asText()).isEqualTo(field);
        assertThat(answer.getBody().get("message").asText()).contains(words);
    }

    private ProcessInstance newInspection() {
        return Fixtures.startInspection(runtimeService, "JC-GUARD-" + (++sequence) + "-" + System.nanoTime(),
                taskId, targetId, "JT-HY-01", "zf001", "zf002");
    }

    private Task onSiteTaskOf(ProcessInstance inspection) {
        return taskService.createTaskQuery().processInstanceId(inspection.getId()).taskDefinitionKey("onSiteInspection").singleResult();
    }

    private static void assertRefused(ResponseEntity<JsonNode> answer) {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(answer.getBody().get("message").asText()).contains("只有系统管理员");
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private ResponseEntity<JsonNode> complete(TestRestTemplate as, String taskId, Map<String, Object> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        return as.postForEntity("/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables), JsonNode.class);
    }
}
