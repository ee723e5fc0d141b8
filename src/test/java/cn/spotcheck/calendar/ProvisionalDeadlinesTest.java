package cn.spotcheck.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;
import cn.spotcheck.inspection.Inspections;

/**
 * A year without its State Council notice (2027 here) does not stop the work: the publication deadline of an
 * inspection is reckoned on the statutory holidays and marked 暂定, the administrators get a task, and loading the
 * notice (uploaded, or dropped in the holidays directory before a restart) moves the waiting due date and timers
 * and records the move.
 */
@SpotCheckIntegrationTest
class ProvisionalDeadlinesTest {

    private static final Path FIXTURE = Path.of("src/test/resources/holiday-fixtures/2027.csv");

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
    WorkingDays workingDays;
    @Autowired
    HolidaySchedules holidaySchedules;
    @Autowired
    TestRestTemplate http;

    long taskId;
    long targetId;

    @BeforeEach
    void setUp() {
        init(engine);
        if (taskId == 0) {
            taskId = Fixtures.publishedTask(http, taskService, "JT-HY-01", List.of("公路货运"), 0.05, "2027-01-04", "2027-11-30");
            targetId = Fixtures.someTarget(http, "公路货运");
        }
        ClockUtil.setCurrentTime(at("2027-02-01T18:00"));
        holidaySchedules.watch();
    }

    @AfterEach
    void forgetTheNotice() throws IOException {
        Files.deleteIfExists(workingDays.administratorDirectory().resolve("2027.csv"));
        workingDays.reload();
        ClockUtil.reset();
    }

    @Test
    void anUploadedNoticeMovesTheProvisionalDeadlinesAndRecordsTheMove() throws Exception {
        ProcessInstance inspection = resultEntered("JC-2027-9001", "2027-02-01");
        // Statutory 2027 only: 2-05 除夕 and 2-08 初三 off, so the 7th working day after 2-01 is 2-12.
        Task publish = task("publishResult", inspection);
        assertThat(publish.getDueDate()).isEqualTo(at("2027-02-12T23:59:59"));
        assertThat(taskService.getVariableLocal(publish.getId(), ProvisionalDeadlines.NOTE_VARIABLE))
                .asString().contains("暂定").contains("2027");
        assertThat(inspections.get("JC-2027-9001").publicationDueDateProvisional()).isTrue();
        assertThat(timer(inspection, "publicationReminder")).isEqualTo(at("2027-02-10T09:00"));

        Task adminTask = adminTask();
        assertThat(adminTask.getName()).isEqualTo("导入 2027 年节假日安排");
        assertThatThrownBy(() -> taskService.complete(adminTask.getId())).hasMessageContaining("尚未导入 2027 年节假日安排");
        assertThat(http.withBasicAuth("ducha", "demo").getForObject("/api/calendar/holiday-schedules", JsonNode.class)
                .get("warnings").toString()).contains("2027 年节假日安排尚未导入，期限按法定节假日暂定计算");

        // Only an administrator loads a notice, and a wrong file changes nothing.
        assertThat(upload("fagui", 2027, Files.readAllBytes(FIXTURE)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> wrong = upload("admin", 2027, "2027-10-01,国庆节,班\n".getBytes());
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrong.getBody().get("errors").get(0).get("field").asText()).isEqualTo("file");
        assertThat(wrong.getBody().get("message").asText()).contains("2027-01-01").contains("法定节假日");
        assertThat(workingDays.isProvisional(2027)).isTrue();

        ResponseEntity<JsonNode> loaded = upload("admin", 2027, Files.readAllBytes(FIXTURE));
        assertThat(loaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        // The notice gives 2-05..2-12 off: the 7th working day after 2-01 becomes 2-18, the 5th 2-16.
        assertThat(task("publishResult", inspection).getDueDate()).isEqualTo(at("2027-02-18T23:59:59"));
        assertThat(timer(inspection, "publicationReminder")).isEqualTo(at("2027-02-16T09:00"));
        assertThat(timer(inspection, "publicationOverdue")).isEqualTo(at("2027-02-18T23:59:59"));
        assertThat(inspections.get("JC-2027-9001").publicationDueDate()).hasToString("2027-02-18");
        assertThat(inspections.get("JC-2027-9001").publicationDueDateProvisional()).isFalse();
        assertThat(taskService.getVariableLocal(publish.getId(), ProvisionalDeadlines.NOTE_VARIABLE)).isNull();
        assertThat(taskService.getTaskComments(publish.getId())).extracting(c -> c.getFullMessage())
                .contains("按 2027 年节假日安排重新计算期限：2027-02-12 → 2027-02-18");
        JsonNode changes = http.withBasicAuth("ducha", "demo").getForObject("/api/calendar/deadline-changes?year=2027", JsonNode.class);
        assertThat(changes.findValuesAsText("elementId")).contains("publishResult", "publicationReminder", "publicationOverdue");
        assertThat(changes.toString()).contains("JC-2027-9001");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("holiday-schedule")
                .processInstanceBusinessKey("2027").active().count()).as("the administrators' task closed itself").isZero();
        assertThat(http.withBasicAuth("fagui", "demo").getForObject("/api/calendar/days/2027-02-12", JsonNode.class)
                .get("provisional").asBoolean()).isFalse();
    }

    @Test
    void aNoticeDroppedInTheDirectoryIsTakenUpAtTheNextStart() throws Exception {
        ProcessInstance inspection = resultEntered("JC-2027-9002", "2027-02-01");
        assertThat(task("publishResult", inspection).getDueDate()).isEqualTo(at("2027-02-12T23:59:59"));
        assertThat(adminTask()).isNotNull();

        Files.createDirectories(workingDays.administratorDirectory());
        Files.copy(FIXTURE, workingDays.administratorDirectory().resolve("2027.csv"));
        workingDays.reload();
        holidaySchedules.atStart();

        assertThat(task("publishResult", inspection).getDueDate()).isEqualTo(at("2027-02-18T23:59:59"));
        assertThat(inspections.get("JC-2027-9002").publicationDueDate()).hasToString("2027-02-18");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("holiday-schedule")
                .processInstanceBusinessKey("2027").active().count()).isZero();
    }

    @Test
    void anAdministratorClosesTheTaskByHandOnceTheYearIsOfficial() {
        // A task left open for a year whose notice came in another way (e.g. with a new release of the platform).
        ProcessInstance stale = runtimeService.startProcessInstanceByKey("holiday-schedule", "2026", Map.of("scheduleYear", 2026));
        complete(task("loadHolidaySchedule", stale));
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(stale).isEnded().hasPassed("confirmed");
    }

    @Test
    void aDeadlineInsideOfficialYearsIsNotMarked() {
        ClockUtil.setCurrentTime(at("2026-03-02T18:00"));
        long task2026 = Fixtures.publishedTask(http, taskService, "JT-HY-01", List.of("公路货运"), 0.05, "2026-01-05", "2026-11-30");
        ProcessInstance inspection = resultEntered("JC-2026-9003", "2026-03-02", task2026);
        Task publish = task("publishResult", inspection);
        assertThat(publish.getDueDate()).isEqualTo(at("2026-03-11T23:59:59"));
        assertThat(taskService.getVariableLocal(publish.getId(), ProvisionalDeadlines.NOTE_VARIABLE)).isNull();
        assertThat(inspections.get("JC-2026-9003").publicationDueDateProvisional()).isFalse();
    }

    private ProcessInstance resultEntered(String code, String endDate) {
        return resultEntered(code, endDate, taskId);
    }

    private ProcessInstance resultEntered(String code, String endDate, long ofTask) {
        ProcessInstance inspection = Fixtures.startInspection(runtimeService, code,
                ofTask, targetId, "JT-HY-01", "zf001", "zf002");
        complete(task("onSiteInspection", inspection), Map.of("inspectionDate", endDate, "onSiteNotes", "经营资质齐全"));
        complete(task("resultEntry", inspection), Map.of("resultCategory", "未发现问题", "findings", "无", "inspectionEndDate", endDate));
        return inspection;
    }

    private Task adminTask() {
        return taskService.createTaskQuery().processDefinitionKey("holiday-schedule").processInstanceBusinessKey("2027")
                .taskCandidateGroup("camunda-admin").singleResult();
    }

    private Date timer(ProcessInstance inspection, String activityId) {
        return managementService.createJobQuery().processInstanceId(inspection.getId()).activityId(activityId).singleResult().getDuedate();
    }

    private ResponseEntity<JsonNode> upload(String user, int year, byte[] content) {
        return Fixtures.upload(http.withBasicAuth(user, "demo"), "/api/calendar/holiday-schedules/" + year, year + ".csv", content);
    }

    private static Date at(String beijingLocalDateTime) {
        return Date.from(LocalDateTime.parse(beijingLocalDateTime).atZone(BureauTime.ZONE).toInstant());
    }
}
