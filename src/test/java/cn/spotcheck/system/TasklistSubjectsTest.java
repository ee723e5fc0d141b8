package cn.spotcheck.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;

/**
 * An inspector's 我的待办 names what each task is about and when it is due, and shows the filters' columns (办理对象,
 * 检查编号) — without the inspector being able to read the inspection's process variables.
 */
@SpotCheckIntegrationTest
class TasklistSubjectsTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    FilterService filterService;
    @Autowired
    org.camunda.bpm.engine.HistoryService historyService;
    @Autowired
    org.camunda.bpm.engine.RepositoryService repositoryService;

    @Test
    void anInspectorSeesWhomTheyCheckAndByWhenInTheirTasklist() {
        long taskId = Fixtures.publishedTask(http, taskService, "JT-HY-02", List.of("公路货运"), 0.05, "2027-04-01", "2027-10-31");
        long targetId = Fixtures.someTarget(http, "公路货运");
        String targetName = http.withBasicAuth("fagui", "demo").getForObject("/api/targets/" + targetId, JsonNode.class).get("name").asText();
        String code = "SUBJ-" + System.nanoTime();
        ProcessInstance inspection = Fixtures.startInspection(runtimeService, code, taskId, targetId, "JT-HY-02", "zf001", "zf002");

        Task onSite = taskService.createTaskQuery().processInstanceId(inspection.getId()).singleResult();
        assertThat(onSite.getName()).isEqualTo("现场检查 · " + targetName + "（" + code + "）");
        assertThat(onSite.getDueDate()).isNotNull();

        String myTasks = filterService.createFilterQuery().filterName("我的待办").singleResult().getId();
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> listed = http.withBasicAuth("zf001", "demo").exchange("/engine-rest/filter/" + myTasks + "/list?maxResults=1000",
                HttpMethod.POST, new HttpEntity<>("{}", headers), JsonNode.class);
        assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, String> shown = new HashMap<>();
        for (JsonNode task : listed.getBody().path("_embedded").path("task")) {
            if (onSite.getId().equals(task.path("id").asText())) {
                task.path("_embedded").path("variable").forEach(v -> shown.put(v.path("name").asText(), v.path("value").asText()));
            }
        }
        assertThat(shown).containsEntry("subject", targetName + "（" + code + "）");

        ResponseEntity<String> processVariables = http.withBasicAuth("zf001", "demo")
                .getForEntity("/engine-rest/process-instance/" + inspection.getId() + "/variables", String.class);
        assertThat(processVariables.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        // The next step names it too, though the target's name is kept with the inspection, not in its process.
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2027-05-12 09:00:00"));
        try {
            taskService.complete(onSite.getId(), Map.of("inspectionDate", "2027-05-10", "onSiteNotes", "资质齐全"));
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
        Task resultEntry = taskService.createTaskQuery().processInstanceId(inspection.getId()).singleResult();
        assertThat(resultEntry.getName()).isEqualTo("结果录入 · " + targetName + "（" + code + "）");
        assertThat(runtimeService.getVariables(inspection.getId())).doesNotContainKeys("targetName", "targetCode");

        // History names the completed step as Tasklist did, and keeps the process's variables; the task's own copy
        // of the column is not recorded a second time.
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(onSite.getId()).singleResult().getName())
                .isEqualTo("现场检查 · " + targetName + "（" + code + "）");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(inspection.getId()).list())
                .extracting(org.camunda.bpm.engine.history.HistoricVariableInstance::getName)
                .contains("inspectorUserIds", "inspectionBrief", "inspectionDate").doesNotContain("subject");
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(inspection.getId()).variableUpdates().list())
                .extracting(d -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getVariableName())
                .contains("inspectorUserIds", "inspectionDate").doesNotContain("subject");
    }

    /** A diagram an administrator adds with a user task that has no form still runs, its task named as drawn. */
    @Test
    void aUserTaskWithoutAFormStillStarts() {
        repositoryService.createDeployment().addModelInstance("no-form.bpmn", org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("noForm")
                .camundaHistoryTimeToLive(1).startEvent().userTask("work").name("办理").endEvent().done()).deploy();

        ProcessInstance started = runtimeService.startProcessInstanceByKey("noForm", "no-form-" + System.nanoTime());

        assertThat(taskService.createTaskQuery().processInstanceId(started.getId()).singleResult().getName()).isEqualTo("办理");
    }
}
