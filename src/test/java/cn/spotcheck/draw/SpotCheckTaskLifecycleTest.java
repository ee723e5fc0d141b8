package cn.spotcheck.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;
import cn.spotcheck.documents.Documents;
import cn.spotcheck.documents.IssuedDocument;
import cn.spotcheck.inspection.InspectionView;
import cn.spotcheck.inspection.Inspections;

/** The spot-check-task diagram's other paths: an objection, the end-date flag, the close when all is done, the daily start. */
@SpotCheckIntegrationTest
class SpotCheckTaskLifecycleTest {

    @Autowired
    TaskSchedule taskSchedule;
    @Autowired
    DrawVerification verification;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    Inspections inspections;
    @Autowired
    TestRestTemplate http;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    Documents documents;

    @BeforeEach
    void setUp() {
        init(engine);
    }

    @Test
    void anObjectionIsHandledThenTheTaskRunsToItsCloseAndTheEndDateIsWatched() {
        long taskId = Fixtures.publishedTask(http, taskService, "JT-GJ-01", List.of("公交"), 0.1);
        ProcessInstance process = runtimeService.startProcessInstanceByKey("spot-check-task", String.valueOf(taskId), Map.of("taskId", taskId));
        assertThat(process).hasPassed("drawTargets", "drawInspectors").isWaitingAt("confirmDraw");
        org.camunda.bpm.engine.task.Task confirm = taskService.createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey("confirmDraw").singleResult();
        assertThat((String) taskService.getVariableLocal(confirm.getId(), "drawBrief"))
                .as("the one who confirms sees the draw, its verification and where to read it all")
                .contains("随机种子", "复核：**一致**", "信用分层", "执法检查人员", "(/tasks/" + taskId + ")");

        complete(process, "confirmDraw", Map.of("approved", false, "comment", "zf003 申请回避"));
        assertThat(process).isWaitingAt("handleDrawObjection");
        complete(process, "handleDrawObjection", Map.of("objectionHandling", "经核实无需回避"));
        complete(process, "confirmDraw", Map.of("approved", true));
        Fixtures.runAsyncJobs(managementService, process.getId());
        assertThat(process).isWaitingAt("awaitInspections");
        // What only the start needs (the target, its items and level) went as transient variables: each inspection's
        // record keeps it, its process does not, and its inspectors' brief names the target.
        InspectionView dispatched = inspections.ofTask(taskId).get(0);
        String dispatchedProcess = inspections.processInstanceOf(dispatched.code()).orElseThrow();
        assertThat(runtimeService.getVariables(dispatchedProcess)).containsKeys("taskId", "inspectorUserIds", "inspectionBrief")
                .doesNotContainKeys("targetId", "targetName", "targetCode", "targetAddress", "itemCodes", "creditLevel");
        com.fasterxml.jackson.databind.JsonNode target = http.withBasicAuth("fagui", "demo").getForObject("/api/targets/" + dispatched.targetId(),
                com.fasterxml.jackson.databind.JsonNode.class);
        String address = target.path("address").asText("");
        assertThat(taskService.createTaskQuery().processInstanceId(dispatchedProcess).singleResult().getDueDate())
                .as("现场检查 is due at the end of the task's last day").isEqualTo(taskSchedule.endOf(taskId));
        assertThat((String) runtimeService.getVariable(dispatchedProcess, "inspectionBrief")).contains(target.get("name").asText())
                .contains("- 地址：" + (address.isBlank() ? "名录中未登记" : cn.spotcheck.system.Markdown.text(address)));

        Job endDate = managementService.createJobQuery().processInstanceId(process.getId()).activityId("taskOverdue").singleResult();
        managementService.executeJob(endDate.getId());
        assertThat(process).isWaitingAt("awaitInspections", "superviseUnfinishedTask");
        complete(process, "superviseUnfinishedTask", Map.of("supervisionComment", "请于 11 月 30 日前完成"));

        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2027-05-12 09:00:00"));
        try {
            for (InspectionView inspection : inspections.ofTask(taskId)) {
                String code = inspection.code();
                completeByKey(code, "onSiteInspection", Map.of("inspectionDate", "2027-05-10", "onSiteNotes", "经营正常"));
                completeByKey(code, "resultEntry", Map.of("resultCategory", "未发现问题", "findings", "无", "inspectionEndDate", "2027-05-11"));
                completeByKey(code, "publishResult", Map.of("publicationConfirmed", true));
            }
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
        Fixtures.awaitModuleEvents(jdbc);
        assertThat(process).isEnded().hasPassed("publishResultNotice", "taskClosed", "unfinishedHandled");

        // Done: the 抽查结果公示 is issued and public, linked from the draw's public page.
        List<IssuedDocument> notices = documents.about("task:" + taskId);
        assertThat(notices).extracting(IssuedDocument::kind).containsExactly("result-publicity");
        int checked = inspections.countOf(taskId);
        long drawId = http.withBasicAuth("fagui", "demo").getForObject("/api/tasks/" + taskId + "/draw", com.fasterxml.jackson.databind.JsonNode.class)
                .get("id").asLong();
        assertThat(http.getForObject("/public/draws/" + drawId, String.class)).contains("/public/notices/" + notices.get(0).id());
        ResponseEntity<String> notice = http.getForEntity("/public/notices/" + notices.get(0).id(), String.class);
        assertThat(notice.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(notice.getBody()).contains("抽查结果公示", "共抽查并公示 " + checked + " 户", "未发现问题 " + checked + " 户");
        long inspectionNotice = documents.about(inspections.ofTask(taskId).get(0).code()).get(0).id();
        assertThat(http.getForEntity("/public/notices/" + inspectionNotice, String.class).getStatusCode())
                .as("an inspection's notice is not public").isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theDailySchedulerStartsTasksWhoseStartDateHasCome() {
        long taskId = Fixtures.publishedTask(http, taskService, "JT-CZ-01", List.of("出租"), 0.03);
        // The task starts on 2027-04-01: not yet.
        Job daily = managementService.createJobQuery().processDefinitionKey("task-scheduler").timers().singleResult();
        managementService.executeJob(daily.getId());
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("spot-check-task")
                .processInstanceBusinessKey(String.valueOf(taskId)).count()).isZero();

        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2027-04-01 09:00:00"));
        try {
            daily = managementService.createJobQuery().processDefinitionKey("task-scheduler").timers().singleResult();
            managementService.executeJob(daily.getId());
            // Each due task starts in a job of its own: one that cannot be drawn fails alone (until its retries run out).
            List<Job> jobs = managementService.createJobQuery().processDefinitionKey("task-scheduler").messages().withRetriesLeft().list();
            for (int round = 0; round < 50 && !jobs.isEmpty(); round++) {
                for (Job job : jobs) {
                    try {
                        managementService.executeJob(job.getId());
                    } catch (RuntimeException cannotBeDrawn) {
                        assertThat(cannotBeDrawn).hasStackTraceContaining("无法抽取");
                    }
                }
                jobs = managementService.createJobQuery().processDefinitionKey("task-scheduler").messages().withRetriesLeft().list();
            }
            // The other branch, which a task that cannot be drawn does not hold up, verified the year's draws:
            // a page opened today finds each one's check ready.
            assertThat(verification.verifyRecentDraws()).as("draws left unverified after the morning run").isZero();
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("spot-check-task")
                .processInstanceBusinessKey(String.valueOf(taskId)).count()).isEqualTo(1);
    }

    private void complete(ProcessInstance process, String key, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey(key).singleResult();
        taskService.complete(task.getId(), variables);
    }

    private void completeByKey(String businessKey, String key, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(key).singleResult();
        taskService.complete(task.getId(), variables);
    }
}
