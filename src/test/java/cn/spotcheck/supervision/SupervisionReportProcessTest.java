package cn.spotcheck.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.spotcheck.SpotCheckIntegrationTest;
import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.documents.Documents;

/**
 * On the first day of a quarter the report of the quarter just ended, on 1 December the year's: each issued as a
 * numbered document and put before the supervision group in Tasklist to review and issue.
 */
@SpotCheckIntegrationTest
class SupervisionReportProcessTest {

    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    Documents documents;
    @Autowired
    DepartmentAssessment assessment;
    @Autowired
    org.springframework.boot.test.web.client.TestRestTemplate http;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theQuarterlyAndTheAnnualReportLandInTheGroupsTasklist() {
        // A year of its own with one department's task, so that the quarter has a score to keep.
        cn.spotcheck.Fixtures.publishedTask(http, taskService, "港航管理科", "JT-HY-01", java.util.List.of("公路货运"), 0.05, "2021-04-01", "2021-10-31");
        at("2022-01-01T08:00");
        Task quarterly = fire();
        assertThat((String) taskService.getVariable(quarterly.getId(), "reportBrief")).contains("2021 年第四季度抽查工作调度报告", "/pdf");
        assertThat(documents.about("report:2021-Q4")).isNotEmpty();
        assertThat(assessment.history(2021)).as("the quarter's scores kept").containsOnlyKeys("港航管理科")
                .allSatisfy((department, quarters) -> assertThat(quarters).containsOnlyKeys(4));
        taskService.complete(quarterly.getId(), Map.of("reviewNote", "同意印发"));
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(quarterly.getProcessInstanceId()).singleResult()
                .getEndTime()).isNotNull();

        at("2027-12-01T08:00");
        Task annual = fire();
        assertThat((String) taskService.getVariable(annual.getId(), "reportBrief")).contains("2027 年度“双随机、一公开”工作总结报告");
        assertThat(documents.about("report:2027")).isNotEmpty();
        taskService.complete(annual.getId(), Map.of());
    }

    @Test
    void aTimerFiringLateStillReportsTheQuarterBeforeItFellDue() {
        // The platform was down over New Year's Day and starts on 4 January: the report is the fourth quarter's.
        at("2023-01-04T09:30");
        Task late = fire();
        assertThat((String) taskService.getVariable(late.getId(), "reportBrief")).contains("2022 年第四季度抽查工作调度报告")
                .doesNotContain("2023 年第一季度");
        taskService.complete(late.getId(), Map.of());
    }

    /** Runs the start timer as the job executor would when it falls due; answers the review task it created. */
    private Task fire() {
        Job timer = managementService.createJobQuery().processDefinitionKey("supervision-report").activityId("reportDay").timers().singleResult();
        managementService.executeJob(timer.getId());
        Task review = taskService.createTaskQuery().processDefinitionKey("supervision-report").taskCandidateGroup("supervision")
                .orderByTaskCreateTime().desc().list().get(0);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("reviewReport");
        return review;
    }

    private static void at(String beijing) {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(java.time.LocalDateTime.parse(beijing), BureauTime.ZONE).toInstant()));
    }
}
