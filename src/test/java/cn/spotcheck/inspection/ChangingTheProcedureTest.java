package cn.spotcheck.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;
import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.system.ProcessDiagramDeployer;

/**
 * An administrator changes the publication deadline in inspection.bpmn from 7 to 5 working days and redeploys:
 * a new version appears, a running inspection keeps its 7-day timer, a new one gets 5.
 */
@SpotCheckIntegrationTest
class ChangingTheProcedureTest {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    ProcessDiagramDeployer deployer;
    @Autowired
    TestRestTemplate http;

    @TempDir
    Path processes;
    @TempDir
    Path forms;

    @Test
    void aChangedDiagramIsANewVersionAndRunningInstancesKeepTheirRule() throws Exception {
        long taskId = Fixtures.publishedTask(http, taskService, "JT-HY-02", List.of("公路货运"), 0.05, "2024-09-01", "2024-11-30");
        long targetId = Fixtures.someTarget(http, "公路货运");
        int before = repositoryService.createProcessDefinitionQuery().processDefinitionKey("inspection").latestVersion().singleResult().getVersion();
        ProcessInstance running = inspectedUntil("CHG-OLD", taskId, targetId);

        String original = Files.readString(Path.of("processes/inspection.bpmn"), StandardCharsets.UTF_8);
        // The period is written once, as a property of the process: the step's due date and the overdue timer follow it.
        String changed = original.replace("<camunda:property name=\"publicationWorkingDays\" value=\"7\" />",
                "<camunda:property name=\"publicationWorkingDays\" value=\"5\" />");
        assertThat(changed).isNotEqualTo(original);
        Files.writeString(processes.resolve("inspection.bpmn"), changed, StandardCharsets.UTF_8);
        try (var formFiles = Files.list(Path.of("forms"))) {
            for (Path form : formFiles.toList()) {
                Files.copy(form, forms.resolve(form.getFileName()));
            }
        }
        try {
            deployFrom(processes, forms);
            assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("inspection").latestVersion().singleResult()
                    .getVersion()).isEqualTo(before + 1);
            ProcessInstance fresh = inspectedUntil("CHG-NEW", taskId, targetId);

            // Both checks ended on Friday 2024-09-27: 7 working days is 10-12 (a make-up Saturday), 5 is 10-10.
            assertThat(deadline(running)).isEqualTo(at(LocalDateTime.of(2024, 10, 12, 23, 59, 59)));
            assertThat(deadline(fresh)).isEqualTo(at(LocalDateTime.of(2024, 10, 10, 23, 59, 59)));
            assertThat(taskService.createTaskQuery().processInstanceId(fresh.getId()).taskDefinitionKey("publishResult").singleResult()
                    .getDueDate()).isEqualTo(deadline(fresh));
        } finally {
            // Put the shipped rule back as the latest version for the rest of the suite.
            Files.writeString(processes.resolve("inspection.bpmn"), original, StandardCharsets.UTF_8);
            deployFrom(processes, forms);
        }
    }

    private void deployFrom(Path processDir, Path formDir) {
        deployer.deployFrom(processDir.toUri().toString(), formDir.toUri().toString());
    }

    private ProcessInstance inspectedUntil(String code, long taskId, long targetId) {
        ProcessInstance p = Fixtures.startInspection(runtimeService, code + "-" + System.nanoTime(),
                taskId, targetId, "JT-HY-02", "zf001", "zf002");
        complete(p, "onSiteInspection", Map.of("inspectionDate", "2024-09-27", "onSiteNotes", "无"));
        complete(p, "resultEntry", Map.of("resultCategory", "未发现问题", "findings", "无", "inspectionEndDate", "2024-09-27"));
        return p;
    }

    private void complete(ProcessInstance p, String key, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceId(p.getId()).taskDefinitionKey(key).singleResult();
        taskService.complete(task.getId(), variables);
    }

    private Date deadline(ProcessInstance p) {
        return managementService.createJobQuery().processInstanceId(p.getId()).activityId("publicationOverdue").singleResult().getDuedate();
    }

    private static Date at(LocalDateTime beijing) {
        return Date.from(beijing.atZone(BureauTime.ZONE).toInstant());
    }
}
