package cn.spotcheck.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;

/**
 * A task not started by its end date is not drawn after the fact: it is overdue, and the supervision group finds it
 * both in the overdue list and in Tasklist, once. So does a plan never submitted for review.
 */
@SpotCheckIntegrationTest
class OverdueSupervisionTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService taskService;
    @Autowired
    OverdueSupervision overdueSupervision;

    @Test
    void anExpiredTaskIsNotDrawnButSupervisedAndTheListAndTasklistAgree() {
        long taskId = Fixtures.publishedTask(http, taskService, "JT-JP-01", List.of("驾驶员培训"), 0.05, "2026-04-01", "2026-06-30");
        long draft = http.withBasicAuth("fagui", "demo").postForObject("/api/plans", Map.of("year", 2026, "department", "港航管理科",
                "title", "未提交审核的计划"), JsonNode.class).get("id").asLong();

        var started = http.withBasicAuth("fagui", "demo").postForEntity("/api/tasks/" + taskId + "/start", null, JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(started.getBody().get("message").asText()).contains("期限已于 2026-06-30 结束");

        JsonNode overdue = http.withBasicAuth("ducha", "demo").getForObject("/api/supervision/overdue", JsonNode.class);
        assertThat(overdue.findValuesAsText("reference")).contains("task:" + taskId, "plan:" + draft);

        overdueSupervision.openMissing();
        overdueSupervision.openMissing();
        for (String reference : List.of("task:" + taskId, "plan:" + draft)) {
            List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskCandidateGroup("supervision").list();
            assertThat(tasks).as(reference).hasSize(1);
            assertThat(tasks.get(0).getName()).as("names the overdue item and its rule").startsWith("督办逾期事项 · ").endsWith("）");
            assertThat((String) taskService.getVariableLocal(tasks.get(0).getId(), "overdueBrief")).as("its form says how late and links to the record")
                    .contains("应完成日期", "已逾期", reference.startsWith("task:") ? "(/tasks/" + taskId + ")" : "(/plans/" + draft + ")");
            taskService.complete(tasks.get(0).getId(), Map.of("supervisionComment", "已督促责任部门说明情况"));
        }
        overdueSupervision.openMissing();
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey("task:" + taskId).count()).as("once per item").isZero();
    }
}
