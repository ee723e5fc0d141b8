package cn.spotcheck.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;
import cn.spotcheck.inspection.InspectionView;
import cn.spotcheck.inspection.Inspections;

/**
 * Replacing an inspector after the inspections were dispatched moves the running inspection: its record, who is
 * offered its open task, and its 检查通知书 (re-issued, the old one marked superseded). The replaced inspector sees
 * nothing of it any more; the new one finds it in 我的待办.
 */
@SpotCheckIntegrationTest
class ReplacementAfterDispatchTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    Inspections inspections;

    @Test
    void aReplacementAfterDispatchMovesTheRunningInspection() {
        long taskId = Fixtures.publishedTask(http, taskService, "JT-WX-01", List.of("机动车维修"), 0.03);
        runtimeService.startProcessInstanceByKey("spot-check-task", String.valueOf(taskId), Map.of("taskId", taskId));
        Fixtures.confirmAndDispatch(taskService, runtimeService, managementService, taskId);

        InspectionView before = inspections.ofTask(taskId).get(0);
        String replaced = before.inspectorStaffNos().get(0);
        JsonNode replacement = http.withBasicAuth("fagui", "demo").postForObject("/api/tasks/" + taskId + "/draw/replacements",
                Map.of("targetId", before.targetId(), "staffNo", replaced, "reason", "与检查对象负责人系近亲属，申请回避"), JsonNode.class);
        String newcomer = replacement.get("newStaffNo").asText();
        assertThat(newcomer).isNotBlank().isNotEqualTo(replaced);

        InspectionView after = inspections.get(before.code());
        assertThat(after.inspectorStaffNos()).contains(newcomer).doesNotContain(replaced);
        Task onSite = taskService.createTaskQuery().processInstanceBusinessKey(before.code()).taskDefinitionKey("onSiteInspection").singleResult();
        assertThat(taskService.getIdentityLinksForTask(onSite.getId())).extracting(IdentityLink::getUserId)
                .contains(newcomer).doesNotContain(replaced);
        assertThat(taskService.createTaskQuery().taskCandidateUser(replaced).processInstanceBusinessKey(before.code()).count()).isZero();
        assertThat(taskService.createTaskQuery().taskCandidateUser(newcomer).processInstanceBusinessKey(before.code()).count()).isEqualTo(1);
        assertThat(runtimeService.getVariable(onSite.getProcessInstanceId(), "inspectorUserIds").toString()).contains(newcomer).doesNotContain(replaced);

        JsonNode documents = http.withBasicAuth("fagui", "demo").getForObject("/api/documents?reference=" + before.code(), JsonNode.class);
        assertThat(documents).hasSize(2);
        assertThat(documents.get(0).get("supersededBy").asLong()).isEqualTo(documents.get(1).get("id").asLong());
        assertThat(documents.get(1).get("title").asText()).contains("更换执法人员后重新出具");
        assertThat(http.withBasicAuth(newcomer, "demo").getForEntity("/api/documents?reference=" + before.code(), String.class)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(http.withBasicAuth(replaced, "demo").getForEntity("/api/documents?reference=" + before.code(), String.class)
                .getStatusCode().value()).isEqualTo(403);
    }
}
