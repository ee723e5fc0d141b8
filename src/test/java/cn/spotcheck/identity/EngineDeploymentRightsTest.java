package cn.spotcheck.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import cn.spotcheck.SpotCheckIntegrationTest;

/**
 * A deployment with a script task runs code on the server: through the engine's REST API only an administrator
 * deploys. The legal staff, 司法局, the supervision group and an officer are refused, and nothing is deployed.
 */
@SpotCheckIntegrationTest
class EngineDeploymentRightsTest {

    private static final String SCRIPT_PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test" id="d">
              <bpmn:process id="script-probe" isExecutable="true" camunda:historyTimeToLive="1">
                <bpmn:startEvent id="s"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
                <bpmn:scriptTask id="t" scriptFormat="javascript"><bpmn:script>execution.setVariable("probe", 1)</bpmn:script></bpmn:scriptTask>
                <bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e"/>
                <bpmn:endEvent id="e"/>
              </bpmn:process>
            </bpmn:definitions>
            """;

    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repositoryService;

    @Test
    void onlyAnAdministratorDeploys() {
        for (String user : List.of("fagui", "fazhi", "sifa", "ducha", "zf001")) {
            ResponseEntity<String> answer = deploy(user);
            assertThat(answer.getStatusCode()).as(user).isIn(HttpStatus.FORBIDDEN, HttpStatus.UNAUTHORIZED);
        }
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("script-probe").count())
                .as("nothing deployed").isZero();

        ResponseEntity<String> admin = deploy("admin");
        try {
            assertThat(admin.getStatusCode()).as(admin.getBody()).isEqualTo(HttpStatus.OK);
        } finally {
            repositoryService.createDeploymentQuery().deploymentName("script-probe").list()
                    .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
        }
    }

    private ResponseEntity<String> deploy(String user) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "script-probe");
        form.add("data", new ByteArrayResource(SCRIPT_PROCESS.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "script-probe.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, "demo").postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);
    }
}
