package cn.spotcheck.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import cn.spotcheck.SpotCheckIntegrationTest;

/** What an administrator sees after editing a diagram or a form and redeploying. */
@SpotCheckIntegrationTest
class ProcessDiagramDeployerTest {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;

    @TempDir
    Path processes;
    @TempDir
    Path forms;

    @Test
    void onlyAChangedDiagramOrFormMakesANewVersionAndRunningInstancesKeepTheirs() throws Exception {
        write(processes.resolve("redeploy-probe.bpmn"), diagram("试验流程"));
        write(forms.resolve("probe.form"), form("说明"));
        ProcessDiagramDeployer deployer = deployer();

        deployer.deployAll();
        assertThat(latest().getVersion()).isEqualTo(1);
        String runningOnFirst = runtimeService.startProcessInstanceByKey("redeployProbe").getProcessDefinitionId();

        deployer.deployAll();
        assertThat(latest().getVersion()).as("unchanged files create no new version").isEqualTo(1);

        write(processes.resolve("redeploy-probe.bpmn"), diagram("试验流程（修订）"));
        deployer.deployAll();
        ProcessDefinition second = latest();
        assertThat(second.getVersion()).isEqualTo(2);
        assertThat(second.getName()).isEqualTo("试验流程（修订）");
        assertThat(repositoryService.getDeploymentResourceNames(second.getDeploymentId()))
                .as("the form travels with its diagram").contains("forms/probe.form");

        write(forms.resolve("probe.form"), form("说明（修订）"));
        deployer.deployAll();
        assertThat(latest().getVersion()).as("a changed form redeploys its diagram").isEqualTo(3);

        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(runningOnFirst).count())
                .as("the instance started on version 1 stays there").isEqualTo(1);
    }

    @Test
    void aDiagramReferringToAMissingFormIsRefusedWithItsName() throws Exception {
        write(processes.resolve("broken.bpmn"), diagram("缺表单").replace("probe-form", "no-such-form"));
        assertThatThrownBy(() -> deployer().deployAll()).hasMessageContaining("no-such-form").hasMessageContaining("broken.bpmn");
    }

    private ProcessDiagramDeployer deployer() {
        return new ProcessDiagramDeployer(repositoryService, processes.toUri().toString(), forms.toUri().toString());
    }

    private ProcessDefinition latest() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey("redeployProbe").latestVersion().singleResult();
    }

    private static void write(Path file, String content) throws Exception {
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static String diagram(String name) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://spotcheck.cn/test">
                  <bpmn:process id="redeployProbe" name="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="s" />
                    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t" />
                    <bpmn:userTask id="t" camunda:formRef="probe-form" camunda:formRefBinding="deployment" />
                    <bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e" />
                    <bpmn:endEvent id="e" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(name);
    }

    private static String form(String text) {
        return """
                {"components":[{"type":"text","id":"intro","text":"%s"}],"type":"default","id":"probe-form","schemaVersion":16}
                """.formatted(text);
    }
}
