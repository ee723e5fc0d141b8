package cn.spotcheck.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;
import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.followup.FollowUps;
import cn.spotcheck.inspection.InspectionView;
import cn.spotcheck.inspection.Inspections;

/**
 * One year on the clock: the plan drafted in February, rejected once, approved in March; the task drawn in April;
 * twenty inspections with mixed results ending just before 国庆; one publication late and flagged to 督查考核组;
 * the handover and the judicial referral closed.
 */
@SpotCheckIntegrationTest
class WholeYearScenarioTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    Inspections inspections;
    @Autowired
    FollowUps followUps;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aWholeYear() {
        // February: 政策法规处 drafts the plan.
        clock(2026, 2, 10);
        long planId = as("fagui").postForObject("/api/plans", Map.of("year", 2026, "department", "运输管理科",
                "title", "2026 年度机动车维修行业随机抽查计划（情景）"), JsonNode.class).get("id").asLong();
        Map<String, Object> task = new HashMap<>();
        task.put("name", "机动车维修经营行为抽查（情景）");
        task.put("itemCodes", List.of("JT-WX-01"));
        task.put("targetFilter", Map.of("categories", List.of("机动车维修")));
        task.put("ratio", 0.03);
        task.put("inspectorsPerTarget", 2);
        task.put("start", "2026-04-01");
        task.put("end", "2026-11-30");
        long taskId = as("fagui").postForObject("/api/plans/" + planId + "/tasks", task, JsonNode.class).get("id").asLong();
        as("fagui").postForObject("/api/plans/" + planId + "/submit", null, JsonNode.class);

        // March: 法制审核 rejects once, then both reviews approve before the 31st.
        clock(2026, 3, 2);
        complete(String.valueOf(planId), "legalReview", Map.of("approved", false, "comment", "请补充抽查比例依据"));
        complete(String.valueOf(planId), "revisePlan", Map.of("revised", true));
        clock(2026, 3, 16);
        complete(String.valueOf(planId), "legalReview", Map.of("approved", true, "comment", "同意"));
        complete(String.valueOf(planId), "justiceReview", Map.of("approved", true, "comment", "同意发布"));
        assertThat(as("fagui").getForObject("/api/plans/" + planId, JsonNode.class).get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(planId))
                .taskDefinitionKey("superviseOverduePlan").count()).as("approved in time").isZero();

        // April: the task is drawn, confirmed and dispatched.
        clock(2026, 4, 1);
        as("fagui").postForEntity("/api/tasks/" + taskId + "/start", null, JsonNode.class);
        complete(String.valueOf(taskId), "confirmDraw", Map.of("approved", true));
        Fixtures.runAsyncJobs(managementService, Fixtures.taskProcess(runtimeService, taskId));
        List<InspectionView> all = inspections.ofTask(taskId);
        assertThat(all.size()).isGreaterThanOrEqualTo(20);
        assertThat(as("fagui").getForObject("/api/draws/" + as("fagui").getForObject("/api/tasks/" + taskId + "/draw", JsonNode.class)
                .get("id").asLong() + "/verify", JsonNode.class).get("valid").asBoolean()).isTrue();

        // September: twenty checks end on Monday 28 September, just before 国庆 (1–7 October off, 10 October worked).
        clock(2026, 9, 28);
        String[] results = new String[20];
        java.util.Arrays.fill(results, "未发现问题");
        results[1] = "发现问题已责令改正";
        results[2] = "违法违规行为已移交其他部门处理";
        results[3] = "已移送司法机关";
        results[4] = "发现问题待后续处理";
        for (int i = 0; i < 20; i++) {
            String code = all.get(i).code();
            complete(code, "onSiteInspection", Map.of("inspectionDate", "2026-09-28", "onSiteNotes", "现场检查"));
            complete(code, "resultEntry", Map.of("resultCategory", results[i], "findings", i == 0 ? "无" : "维修记录不全",
                    "inspectionEndDate", "2026-09-28", "receivingDepartment", i == 3 ? "市公安局经侦支队" : "市场监督管理局"));
            assertThat(inspections.get(code).publicationDueDate()).as("7 working days across 国庆").hasToString("2026-10-13");
        }

        // 12 October: nineteen results published in time; the last one is forgotten.
        clock(2026, 10, 12);
        for (int i = 0; i < 19; i++) {
            complete(all.get(i).code(), "publishResult", Map.of("publicationConfirmed", true));
        }
        Fixtures.awaitModuleEvents(jdbc);
        // A finding moves the target's credit level, and the history says the publication step did it.
        JsonNode history = as("fagui").getForObject("/api/targets/" + all.get(1).targetId() + "/history", JsonNode.class);
        JsonNode creditMove = java.util.stream.StreamSupport.stream(history.spliterator(), false)
                .filter(h -> h.toString().contains("creditLevel")).findFirst().orElseThrow();
        assertThat(creditMove.get("changedBy").asText()).isEqualTo("流程（公示检查结果 " + all.get(1).code() + "）");
        clock(2026, 10, 14);
        String late = all.get(19).code();
        Job overdue = managementService.createJobQuery().processInstanceId(processOf("inspection", late))
                .activityId("publicationOverdue").singleResult();
        managementService.executeJob(overdue.getId());
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(late).taskDefinitionKey("superviseOverduePublication")
                .taskCandidateGroup("supervision").count()).isEqualTo(1);
        JsonNode overdueItems = as("ducha").getForObject("/api/supervision/overdue", JsonNode.class);
        assertThat(overdueItems.toString()).contains("RESULT_NOT_PUBLISHED").contains(late);
        complete(late, "superviseOverduePublication", Map.of("supervisionComment", "已督促公示"));
        complete(late, "publishResult", Map.of("publicationConfirmed", true));

        // Follow-ups: rectified, handed over and acknowledged, referred and received, decided as a case and filed.
        complete(all.get(1).code(), "orderRectification", Map.of("rectificationDeadline", "2026-10-30", "rectificationRequirements", "补全维修记录"));
        complete(all.get(1).code(), "recheck", Map.of("rectified", true, "recheckNotes", "已整改", "closureNote", "整改到位"));
        complete(all.get(2).code(), "awaitAcknowledgement", Map.of("acknowledgedOn", "2026-10-20", "closureNote", "市场监管局已受理"));
        complete(all.get(3).code(), "recordReferralReceipt", Map.of("referralReceivedOn", "2026-10-21", "closureNote", "公安机关已接收"));
        complete(all.get(4).code(), "decideFollowUp", Map.of("followUpKind", "CASE"));
        complete(all.get(4).code(), "fileCase", Map.of("caseNumber", "长交执罚〔2026〕88号", "closureNote", "已立案"));
        for (int i = 1; i <= 4; i++) {
            assertThat(followUps.of(all.get(i).code()).status()).isEqualTo("CLOSED");
        }
        assertThat(as("ducha").getForObject("/api/supervision/overdue", JsonNode.class).toString()).doesNotContain(late);

        // The public reads the results without logging in.
        Fixtures.awaitModuleEvents(jdbc);
        String name = http.withBasicAuth("fagui", "demo").getForObject("/api/targets/" + all.get(2).targetId(), JsonNode.class).get("name").asText();
        assertThat(http.getForObject("/public/results?q={q}", String.class, name)).contains("违法违规行为已移交其他部门处理");
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, "demo");
    }

    private void complete(String businessKey, String taskKey, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as(businessKey + " waiting at " + taskKey).isNotNull();
        taskService.complete(task.getId(), variables);
    }

    private String processOf(String processKey, String businessKey) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey).processInstanceBusinessKey(businessKey)
                .singleResult().getId();
    }

    private static void clock(int year, int month, int day) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, month, day, 10, 0).atZone(BureauTime.ZONE).toInstant()));
    }
}
