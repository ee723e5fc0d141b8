package cn.spotcheck.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;
import cn.spotcheck.documents.Documents;

/** Every branch of 后续处置 ends in a recorded closure; letters are issued where the law asks for one. */
@SpotCheckIntegrationTest
class FollowUpProcessTest {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    FollowUps followUps;
    @Autowired
    Documents documents;
    @Autowired
    TestRestTemplate http;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        init(engine);
    }

    private ProcessInstance start(String kind) {
        String code = "FU-" + SEQ.incrementAndGet() + "-" + System.nanoTime();
        Map<String, Object> vars = new HashMap<>();
        vars.put("followUpKind", kind);
        vars.put("targetId", Fixtures.someTarget(http, "公路货运"));
        vars.put("inspectorUserIds", List.of("zf001", "zf002"));
        vars.put("findings", "车辆技术档案不全");
        vars.put("resultCategory", "发现问题待后续处理");
        return runtimeService.startProcessInstanceByKey("follow-up", code, vars);
    }

    @Test
    void rectifiedInTimeIsClosed() {
        ProcessInstance p = start("RECTIFICATION");
        assertThat(p).isWaitingAt("orderRectification");
        assertThat(task(p)).hasCandidateUser("zf001");
        complete(task(p), Map.of("rectificationDeadline", "2026-12-15", "rectificationRequirements", "补齐车辆技术档案"));
        assertThat(p).isWaitingAt("recheck");
        var order = documents.about(p.getBusinessKey()).get(0);
        assertThat(order.kind()).isEqualTo("rectification-order");
        assertThat(order.html()).as("责令改正通知书: what, by when, how").contains("责令改正通知书", "车辆技术档案不全", "2026-12-15", "补齐车辆技术档案");
        assertThat((String) runtimeService.getVariable(p.getId(), "documentsBrief")).as("linked in the recheck's form")
                .contains("[责令改正通知书](/api/documents/" + order.id() + ")");
        assertThat(task(p).getDueDate()).isNotNull();
        assertThat(followUps.of(p.getBusinessKey()).deadline()).hasToString("2026-12-15");
        complete(task(p), Map.of("rectified", true, "recheckNotes", "已补齐", "closureNote", "整改到位"));
        assertThat(p).isEnded().hasPassed("closeFollowUp");
        assertThat(followUps.of(p.getBusinessKey()).status()).isEqualTo("CLOSED");
        assertThat(followUps.of(p.getBusinessKey()).closure()).isEqualTo("整改到位");
        assertThat(publicOutcome(p)).as("查处结果, for the public site").isEqualTo("责令改正，已整改到位");
    }

    @Test
    void notRectifiedGoesToCaseFiling() {
        ProcessInstance p = start("RECTIFICATION");
        complete(task(p), Map.of("rectificationDeadline", "2026-12-15", "rectificationRequirements", "补齐"));
        complete(task(p), Map.of("rectified", false, "recheckNotes", "逾期未改"));
        assertThat(p).isWaitingAt("fileCase");
        assertThat(followUps.of(p.getBusinessKey()).kind()).as("the follow-up follows the path taken").isEqualTo("CASE");
        assertThat(task(p)).hasCandidateGroup("deptEnforcement");
        complete(task(p), Map.of("caseNumber", "长交执罚〔2026〕15号", "closureNote", "已立案查处"));
        assertThat(p).isEnded().hasPassed("fileCase", "closeFollowUp");
    }

    @Test
    void aHandoverIssuesALetterChasesTheAcknowledgementAndCloses() {
        ProcessInstance p = start("DECIDE");
        assertThat(p).isWaitingAt("decideFollowUp");
        complete(task(p), Map.of("followUpKind", "HANDOVER", "receivingDepartment", "市场监督管理局"));
        assertThat(p).isWaitingAt("awaitAcknowledgement");
        assertThat(followUps.of(p.getBusinessKey()).kind()).isEqualTo("HANDOVER");
        assertThat(followUps.of(p.getBusinessKey()).department()).isEqualTo("市场监督管理局");
        var letters = documents.about(p.getBusinessKey());
        assertThat(letters).extracting(d -> d.kind()).containsExactly("handover-letter");
        assertThat(letters.get(0).html()).contains("市场监督管理局").contains("车辆技术档案不全");
        assertThat((String) runtimeService.getVariable(p.getId(), "documentsBrief")).contains("[案件线索移交函](/api/documents/" + letters.get(0).id() + ")");

        Job chase = managementService.createJobQuery().processInstanceId(p.getId()).activityId("acknowledgementReminder").singleResult();
        managementService.executeJob(chase.getId());
        assertThat(task("awaitAcknowledgement", p).getPriority()).as("chased").isEqualTo(90);

        complete(task("awaitAcknowledgement", p), Map.of("acknowledgedOn", "2026-12-01", "closureNote", "对方已受理"));
        assertThat(p).isEnded().hasPassed("issueHandoverLetter", "closeFollowUp");
        assertThat(publicOutcome(p)).isEqualTo("已移交市场监督管理局处理");
    }

    @Test
    void aReferralToTheJudicialAuthoritiesIssuesItsLetterAndCloses() {
        ProcessInstance p = start("REFERRAL");
        assertThat(p).isWaitingAt("recordReferralReceipt");
        assertThat(documents.about(p.getBusinessKey())).extracting(d -> d.kind()).containsExactly("referral-letter");
        assertThat(documents.about(p.getBusinessKey()).get(0).html()).contains("公安机关");
        complete(task(p), Map.of("referralReceivedOn", "2026-12-02", "closureNote", "公安机关已接收"));
        assertThat(p).isEnded().hasPassed("issueReferralLetter", "closeFollowUp");
    }

    @Test
    void aCaseCanBeFiledDirectly() {
        ProcessInstance p = start("CASE");
        assertThat(p).isWaitingAt("fileCase");
        complete(task(p), Map.of("caseNumber", "长交执罚〔2026〕16号", "decisionNumber", "长交罚决字〔2026〕16号",
                "penalty", "罚款 2000 元", "closureNote", "已立案"));
        assertThat(p).isEnded();
        assertThat(publicOutcome(p)).isEqualTo("立案查处：行政处罚决定书 长交罚决字〔2026〕16号，罚款 2000 元");
    }

    @Test
    void aFollowUpDecidedAsAHandoverNamesTheDepartmentItGoesTo() {
        ProcessInstance p = start("DECIDE");
        String decide = task(p).getId();
        TestRestTemplate legal = http.withBasicAuth("fagui", "demo");

        ResponseEntity<JsonNode> unnamed = submit(legal, decide, Map.of("followUpKind", "HANDOVER"));
        assertThat(unnamed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unnamed.getBody().get("field").asText()).isEqualTo("receivingDepartment");
        assertThat(unnamed.getBody().get("message").asText()).contains("处置方式为“移交其他部门”", "移交函的收件机关");
        ResponseEntity<JsonNode> unknown = submit(legal, decide, Map.of("followUpKind", "FORGET", "receivingDepartment", "市场监督管理局"));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().get("field").asText()).isEqualTo("followUpKind");
        assertThat(unknown.getBody().get("message").asText()).contains("处置方式“FORGET”无效", "移交其他部门");
        assertThat(p).isWaitingAt("decideFollowUp");

        assertThat(submit(legal, decide, Map.of("followUpKind", "HANDOVER", "receivingDepartment", "长春市市场监督管理局")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(p).isWaitingAt("awaitAcknowledgement");
        assertThat(documents.about(p.getBusinessKey()).get(0).html()).contains("长春市市场监督管理局");
    }

    private static ResponseEntity<JsonNode> submit(TestRestTemplate as, String taskId, Map<String, Object> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        return as.postForEntity("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables), JsonNode.class);
    }

    /** What 一公开 received of the closure, once the follow-up module's event is handled. */
    private String publicOutcome(ProcessInstance p) {
        Fixtures.awaitModuleEvents(jdbc);
        return jdbc.queryForObject("select outcome from spotcheck.public_outcome where inspection_code = ?", String.class, p.getBusinessKey());
    }
}
