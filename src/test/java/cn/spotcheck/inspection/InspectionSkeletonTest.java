package cn.spotcheck.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;
import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.documents.Documents;
import cn.spotcheck.documents.IssuedDocument;

/**
 * The inspection diagram end to end on the engine: two user tasks, then the publication deadline of 7 working
 * days after the end of the check, across the 2024 国庆 holiday.
 */
@SpotCheckIntegrationTest
class InspectionSkeletonTest {

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
    Documents documents;

    long taskId;
    long targetId;

    @BeforeEach
    void setUp() {
        init(engine);
        if (taskId == 0) {
            taskId = Fixtures.publishedTask(http, taskService, "JT-HY-01", List.of("公路货运"), 0.05, "2024-09-01", "2024-11-30");
            targetId = Fixtures.someTarget(http, "公路货运");
        }
        // The evening the check ended: its dates lie in the task's window and not in the future.
        ClockUtil.setCurrentTime(at("2024-09-27T18:00"));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aResultNotPublishedWithinSevenWorkingDaysGoesToTheSupervisionGroup() {
        ProcessInstance inspection = inspectedUntil("JC-2024-0001", "2024-09-27");

        assertThat(inspection).isWaitingAt("publishResult");
        // 9-29 and 10-12 are make-up working days, 10-01..10-07 are off: the 7th working day is 10-12.
        assertThat(task(inspection).getDueDate()).isEqualTo(at("2024-10-12T23:59:59"));
        Job reminder = timer(inspection, "publicationReminder");
        assertThat(reminder.getDuedate()).as("the 5th working day, 9:00").isEqualTo(at("2024-10-10T09:00"));
        Job deadline = timer(inspection, "publicationOverdue");
        assertThat(deadline.getDuedate()).isEqualTo(at("2024-10-12T23:59:59"));
        InspectionView recorded = inspections.get("JC-2024-0001");
        assertThat(recorded.publicationDueDate()).hasToString("2024-10-12");
        assertThat(recorded.resultCategory()).isEqualTo("未发现问题");
        assertThat(recorded.inspectionEndDate()).hasToString("2024-09-27");
        assertThat(recorded.status()).isEqualTo("AWAITING_PUBLICATION");

        ClockUtil.setCurrentTime(at("2024-10-10T09:05"));
        managementService.executeJob(reminder.getId());
        assertThat(task("publishResult", inspection).getPriority()).as("reminded").isEqualTo(90);

        ClockUtil.setCurrentTime(at("2024-10-13T08:00"));
        managementService.executeJob(deadline.getId());

        assertThat(inspection).isWaitingAt("publishResult", "superviseOverduePublication");
        assertThat(task("superviseOverduePublication", inspection)).hasCandidateGroup("supervision");
        assertThat(taskService.createTaskQuery().taskCandidateUser("ducha").processInstanceId(inspection.getId()).count())
                .isEqualTo(1);
    }

    @Test
    void aResultPublishedInTimeCreatesNoOverdueItem() {
        ProcessInstance inspection = inspectedUntil("JC-2024-0002", "2024-09-27");

        ClockUtil.setCurrentTime(at("2024-10-12T17:00"));
        complete(task("publishResult", inspection), Map.of("publicationConfirmed", true));

        assertThat(inspection).isEnded().hasPassed("publishToPublic", "publishedWithoutFollowUp").hasNotPassed("superviseOverduePublication");
        assertThat(inspections.get("JC-2024-0002").status()).isEqualTo("PUBLISHED");
        assertThat(inspections.get("JC-2024-0002").publishedAt()).isNotNull();
        assertThat(managementService.createJobQuery().processInstanceId(inspection.getId()).count()).isZero();
    }

    @Test
    void aRefusedPublicationGoesBackToTheOfficersWithTheReason() {
        ProcessInstance inspection = inspectedUntil("JC-2024-0005", "2024-09-27");
        IssuedDocument firstRecord = documentOf("JC-2024-0005", "on-site-record");
        assertThat(firstRecord.html()).as("现场检查记录表").contains("现场检查记录表", "未发现问题", "2024-09-27");
        assertThat((String) runtimeService.getVariable(inspection.getId(), "documentsBrief")).as("linked in the reviewer's form")
                .isEqualTo("文书：[现场检查记录表](/api/documents/" + firstRecord.id() + ")");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(task("publishResult", inspection),
                Map.of("publicationConfirmed", false))).hasMessageContaining("退回意见");

        complete(task("publishResult", inspection), Map.of("publicationConfirmed", false,
                "publicationRefusalReason", "检查结束日期与现场检查记录不符，请核对"));

        assertThat(inspection).isWaitingAt("resultEntry").hasNotPassed("publishToPublic");
        assertThat(task("resultEntry", inspection)).hasCandidateUser("zf001").hasCandidateUser("zf002");
        assertThat(runtimeService.getVariable(inspection.getId(), "publicationRefusalReason"))
                .isEqualTo("检查结束日期与现场检查记录不符，请核对");
        assertThat(inspections.get("JC-2024-0005").status()).isEqualTo("INSPECTED");
        assertThat(inspections.get("JC-2024-0005").publishedAt()).isNull();

        complete(task("resultEntry", inspection), Map.of("resultCategory", "未发现问题", "findings", "无", "inspectionEndDate", "2024-09-26"));
        IssuedDocument secondRecord = documentOf("JC-2024-0005", "on-site-record");
        assertThat(secondRecord.html()).as("the record as entered anew").contains("2024-09-26");
        assertThat(documents.get(firstRecord.id()).supersededBy()).isEqualTo(secondRecord.id());
        assertThat(taskService.getVariables(task("publishResult", inspection).getId())).doesNotContainKeys("publicationConfirmed",
                "publicationRefusalReason");
        complete(task("publishResult", inspection), Map.of("publicationConfirmed", true));
        assertThat(inspection).isEnded().hasPassed("publishToPublic");
        assertThat(inspections.get("JC-2024-0005").status()).isEqualTo("PUBLISHED");
        assertThat(documentOf("JC-2024-0005", "result-notice").html()).as("检查结果告知书 to the target")
                .contains("检查结果告知书", "未发现问题", "2024-09-26").containsPattern("检告〔\\d{4}〕\\d+号");
    }

    /** The newest document of {@code kind} issued about the inspection. */
    private IssuedDocument documentOf(String code, String kind) {
        return documents.about(code).stream().filter(d -> d.kind().equals(kind)).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void onlyTheDrawnInspectorsAreOfferedTheirTasks() {
        ProcessInstance inspection = Fixtures.startInspection(runtimeService, "JC-2024-0003",
                taskId, targetId, "JT-HY-01", "zf003", "zf004");
        assertThat(task(inspection)).hasCandidateUser("zf003").hasCandidateUser("zf004");
        assertThat(taskService.createTaskQuery().taskCandidateUser("zf005").processInstanceId(inspection.getId()).count()).isZero();
    }

    private ProcessInstance inspectedUntil(String code, String endDate) {
        ProcessInstance inspection = Fixtures.startInspection(runtimeService, code,
                taskId, targetId, "JT-HY-01", "zf001", "zf002");
        assertThat(inspection).isWaitingAt("onSiteInspection").hasPassed("issueNotice");
        // Exactly what the engine REST API is sent by Tasklist: the contract's minimal variables.
        complete(task(inspection), Map.of("inspectionDate", "2024-09-26", "onSiteNotes", "经营资质、车辆技术档案齐全"));
        assertThat(inspection).isWaitingAt("resultEntry");
        complete(task(inspection), Map.of("resultCategory", "未发现问题", "findings", "无", "inspectionEndDate", endDate));
        return inspection;
    }

    private Job timer(ProcessInstance inspection, String activityId) {
        return managementService.createJobQuery().processInstanceId(inspection.getId()).activityId(activityId).singleResult();
    }

    private static Date at(String beijingLocalDateTime) {
        return Date.from(ZonedDateTime.of(java.time.LocalDateTime.parse(beijingLocalDateTime), BureauTime.ZONE).toInstant());
    }
}
