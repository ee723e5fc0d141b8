package cn.spotcheck.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.SpotCheckIntegrationTest;

/**
 * The two reviews of an annual plan are independent and informed: each opens empty, is recorded with its reviewer,
 * and four eyes hold through the engine REST API (what Tasklist calls too): the drafter does not review, the 法制
 * reviewer is not the 司法局 reviewer, and a reviewer submits only the fields of the review form.
 */
@SpotCheckIntegrationTest
class PlanReviewIndependenceTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;

    @Test
    void eachReviewOpensEmptyIsDecidedByAnotherPersonAndIsRecorded() {
        long planId = submittedPlan("四眼原则测试计划");

        String legal = taskId(planId, "legalReview");
        ResponseEntity<JsonNode> byDrafter = complete("fagui", legal, Map.of("approved", true, "comment", "同意"));
        assertThat(byDrafter.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byDrafter.getBody().get("message").asText()).contains("四眼原则");
        assertThat(complete("fazhi", legal, Map.of("approved", true, "comment", "法制：事项、比例符合规定"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        String justice = taskId(planId, "justiceReview");
        JsonNode form = http.withBasicAuth("sifa", "demo").getForObject("/engine-rest/task/" + justice + "/form-variables", JsonNode.class);
        assertThat(form.has("approved")).as("司法局's form does not open with 法制's tick").isFalse();
        assertThat(form.has("comment")).as("nor with 法制's words").isFalse();
        assertThat(form.get("legalComment").get("value").asText()).isEqualTo("法制：事项、比例符合规定");

        ResponseEntity<JsonNode> foreign = complete("sifa", justice, Map.of("approved", true, "comment", "同意", "planId", 999));
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(foreign.getBody().get("message").asText()).contains("planId");
        ResponseEntity<JsonNode> undecided = complete("sifa", justice, Map.of("comment", "看看再说"));
        assertThat(undecided.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(undecided.getBody().get("field").asText()).isEqualTo("approved");

        assertThat(complete("sifa", justice, Map.of("approved", true, "comment", "司法局：同意发布")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode plan = http.withBasicAuth("fagui", "demo").getForObject("/api/plans/" + planId, JsonNode.class);
        assertThat(plan.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(plan.get("reviews").findValuesAsText("reviewer")).containsExactly("fazhi", "sifa");
        assertThat(plan.get("reviews").findValuesAsText("comment")).containsExactly("法制：事项、比例符合规定", "司法局：同意发布");
    }

    @Test
    void theLegalReviewerDoesNotAlsoReviewForTheJusticeBureau() {
        if (identityService.createUserQuery().userId("shuangzhi").count() == 0) {
            User dual = identityService.newUser("shuangzhi");
            dual.setFirstName("兼职审核员");
            dual.setPassword("Dual-role-2026");
            identityService.saveUser(dual);
            identityService.createMembership("shuangzhi", "legal");
            identityService.createMembership("shuangzhi", "justice");
        }
        long planId = submittedPlan("兼职审核测试计划");
        assertThat(complete("shuangzhi", taskId(planId, "legalReview"), Map.of("approved", true, "comment", "同意"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<JsonNode> again = complete("shuangzhi", taskId(planId, "justiceReview"), Map.of("approved", true, "comment", "同意"));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(again.getBody().get("message").asText()).contains("法制审核").contains("另一人");
    }

    @Test
    void aReturnNeedsAReasonAndTheNextRoundOpensEmptyAgain() {
        long planId = submittedPlan("退回测试计划");
        String legal = taskId(planId, "legalReview");
        assertThat(complete("fazhi", legal, Map.of("approved", false)).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(complete("fazhi", legal, Map.of("approved", false, "comment", "比例低于 3%")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        String revise = taskId(planId, "revisePlan");
        taskService.complete(revise);
        JsonNode form = http.withBasicAuth("fazhi", "demo").getForObject("/engine-rest/task/" + taskId(planId, "legalReview")
                + "/form-variables", JsonNode.class);
        assertThat(form.has("approved")).isFalse();
        assertThat(form.has("comment")).isFalse();
    }

    private long submittedPlan(String title) {
        TestRestTemplate fagui = http.withBasicAuth("fagui", "demo");
        long planId = fagui.postForEntity("/api/plans", Map.of("year", 2027, "department", "公路管理科", "title", title),
                JsonNode.class).getBody().get("id").asLong();
        Map<String, Object> task = new HashMap<>();
        task.put("name", title + "任务");
        task.put("itemCodes", List.of("JT-HY-01"));
        task.put("targetFilter", Map.of("categories", List.of("公路货运")));
        task.put("ratio", 0.05);
        task.put("inspectorsPerTarget", 2);
        task.put("start", "2027-04-01");
        task.put("end", "2027-10-31");
        fagui.postForEntity("/api/plans/" + planId + "/tasks", task, JsonNode.class);
        fagui.postForObject("/api/plans/" + planId + "/submit", null, JsonNode.class);
        return planId;
    }

    private String taskId(long planId, String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(planId)).taskDefinitionKey(key)
                .singleResult().getId();
    }

    private ResponseEntity<JsonNode> complete(String user, String taskId, Map<String, Object> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        return http.withBasicAuth(user, "shuangzhi".equals(user) ? "Dual-role-2026" : "demo").postForEntity("/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", variables), JsonNode.class);
    }
}
