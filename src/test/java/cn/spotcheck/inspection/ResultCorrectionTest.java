package cn.spotcheck.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;
import cn.spotcheck.calendar.BureauTime;

/**
 * 更正: a published result changes only through a request with a reason that a legal reviewer other than the requester
 * approves; the public then reads the corrected result with the date, the reason and what had been published, and the
 * channels receive it as the result's next version. A refused request changes nothing.
 */
@SpotCheckIntegrationTest
class ResultCorrectionTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    Inspections inspections;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aReviewedCorrectionIsPublishedWithItsDateReasonAndThePublishedValue() {
        String code = "JC-2024-7101";
        ProcessInstance inspection = awaitingPublication(code);
        String corrections = "/api/inspections/" + code + "/corrections";
        Map<String, Object> request = Map.of("resultCategory", "未发现开展本次抽查涉及的经营活动", "reason", "复核：该户检查前已停止道路货运经营");
        assertThat(post("zf001", corrections, request).getStatusCode()).as("not published yet").isEqualTo(HttpStatus.CONFLICT);
        complete(task("publishResult", inspection), Map.of("publicationConfirmed", true));

        ResponseEntity<JsonNode> otherFollowUp = post("zf001", corrections, Map.of("resultCategory", "发现问题已责令改正", "reason", "补录"));
        assertThat(otherFollowUp.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(otherFollowUp.getBody().get("errors").get(0).get("field").asText()).isEqualTo("resultCategory");
        assertThat(otherFollowUp.getBody().get("message").asText()).contains("未发现开展本次抽查涉及的经营活动");
        ResponseEntity<JsonNode> noReason = post("zf001", corrections, Map.of("resultCategory", "未发现开展本次抽查涉及的经营活动"));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody().get("errors").get(0).get("field").asText()).isEqualTo("reason");
        assertThat(post("zf009", corrections, request).getStatusCode()).as("not on the team").isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(post("fagui", corrections, request).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post("zf001", corrections, request).getStatusCode()).as("one under review at a time").isEqualTo(HttpStatus.CONFLICT);
        String review = reviewTask(code);
        assertThat((String) taskService.getVariable(review, "subject")).as("Tasklist names the target and the code").endsWith("（" + code + "）");
        assertThat((String) taskService.getVariable(review, "correctionBrief")).contains("未发现问题", "未发现开展本次抽查涉及的经营活动", "停止道路货运经营");
        ResponseEntity<JsonNode> ownRequest = completeReview("fagui", review, Map.of("correctionApproved", true));
        assertThat(ownRequest.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ownRequest.getBody().get("message").asText()).contains("四眼原则");
        assertThat(inspections.get(code).resultCategory()).as("nothing changes before the review").isEqualTo("未发现问题");

        assertThat(completeReview("fazhi", review, Map.of("correctionApproved", true, "reviewComment", "经核实属实")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(inspections.get(code).resultCategory()).isEqualTo("未发现开展本次抽查涉及的经营活动");
        JsonNode history = http.withBasicAuth("fagui", "demo").getForObject(corrections, JsonNode.class);
        assertThat(history.get(0).get("oldCategory").asText()).as("the earlier value kept").isEqualTo("未发现问题");
        assertThat(history.get(0).get("status").asText()).isEqualTo("APPROVED");
        assertThat(history.get(0).get("reviewedBy").asText()).isEqualTo("fazhi");
        Fixtures.awaitModuleEvents(jdbc);
        String uscc = jdbc.queryForObject("select target_code from spotcheck.public_result where inspection_code = ?", String.class, code);
        String page = http.getForObject("/public/results?q={q}", String.class, uscc);
        assertThat(page).contains("未发现开展本次抽查涉及的经营活动", "更正，原公示为“未发现问题”", "停止道路货运经营");
        JsonNode versions = json(jdbc.queryForObject("select json_agg(json_build_object('version', version, 'payload', payload) order by version) "
                + "from spotcheck.publicity_outbox where inspection_code = ?", String.class, code));
        assertThat(versions).hasSize(2);
        assertThat(versions.get(1).get("version").asInt()).isEqualTo(2);
        assertThat(versions.get(1).get("payload").get("检查结果").asText()).isEqualTo("未发现开展本次抽查涉及的经营活动");
        assertThat(versions.get(1).get("payload").get("原检查结果").asText()).isEqualTo("未发现问题");
        assertThat(jdbc.queryForObject("select count(*) from spotcheck.publication_delivery d join spotcheck.publicity_outbox o on o.id = d.outbox_id "
                + "where o.inspection_code = ? and o.version = 2", Integer.class, code)).as("queued for every channel").isPositive();

        // A second request, refused: the result stays as corrected.
        assertThat(post("zf001", corrections, Map.of("resultCategory", "未发现问题", "reason", "再次核对")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String second = reviewTask(code);
        assertThat(completeReview("fazhi", second, Map.of("correctionApproved", false)).getStatusCode()).as("a refusal says why")
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(completeReview("fazhi", second, Map.of("correctionApproved", false, "reviewComment", "证据不足")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(inspections.get(code).resultCategory()).isEqualTo("未发现开展本次抽查涉及的经营活动");
        assertThat(http.withBasicAuth("zf001", "demo").getForObject(corrections, JsonNode.class).get(1).get("status").asText()).isEqualTo("REJECTED");
        assertThat(http.withBasicAuth("zf001", "demo").getForObject("/inspections/" + code, String.class))
                .as("the record page lists both requests").contains("已更正", "未同意", "证据不足");
    }

    private ProcessInstance awaitingPublication(String code) {
        init(engine);
        long taskId = Fixtures.publishedTask(http, taskService, "JT-HY-01", List.of("公路货运"), 0.05, "2024-09-01", "2024-11-30");
        long targetId = Fixtures.someTarget(http, "公路货运");
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(java.time.LocalDateTime.parse("2024-09-27T18:00"), BureauTime.ZONE).toInstant()));
        try {
            ProcessInstance inspection = Fixtures.startInspection(runtimeService, code, taskId, targetId, "JT-HY-01", "zf001", "zf002");
            complete(task(inspection), Map.of("inspectionDate", "2024-09-26", "onSiteNotes", "资质齐全"));
            complete(task(inspection), Map.of("resultCategory", "未发现问题", "findings", "无", "inspectionEndDate", "2024-09-27"));
            return inspection;
        } finally {
            ClockUtil.reset();
        }
    }

    private String reviewTask(String code) {
        return taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("reviewCorrection").singleResult().getId();
    }

    private ResponseEntity<JsonNode> post(String user, String path, Map<String, Object> body) {
        return http.withBasicAuth(user, "demo").postForEntity(path, body, JsonNode.class);
    }

    private ResponseEntity<JsonNode> completeReview(String user, String taskId, Map<String, Object> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        return http.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables), JsonNode.class);
    }

    private static JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
