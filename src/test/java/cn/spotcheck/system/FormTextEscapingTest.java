package cn.spotcheck.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.Fixtures;
import cn.spotcheck.inspection.Inspections;
import cn.spotcheck.SpotCheckIntegrationTest;

/** A name full of Markdown reaches an inspector's form as the text it is, not as a link or an external image. */
@SpotCheckIntegrationTest
class FormTextEscapingTest {

    private static final String HOSTILE = "[点此核对](javascript:alert(1)) ![p](http://evil.example/p.png)";

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    Inspections inspections;

    @Test
    void markdownInATargetsNameIsShownAsText() {
        long targetId = http.withBasicAuth("fagui", "demo").postForObject("/api/targets", Map.of("uscc", Fixtures.uscc(8_899_001),
                "name", HOSTILE, "category", "公路货运", "region", "朝阳区", "creditLevel", "B"), JsonNode.class).get("id").asLong();
        long taskId = Fixtures.publishedTask(http, taskService, "JT-HY-01", List.of("公路货运"), 0.05);
        String code = "JC-MD-" + System.nanoTime();
        ProcessInstance inspection = Fixtures.startInspection(runtimeService, code, taskId, targetId, "JT-HY-01", "zf001", "zf002");
        Task onSite = taskService.createTaskQuery().processInstanceId(inspection.getId()).taskDefinitionKey("onSiteInspection").singleResult();

        JsonNode form = http.withBasicAuth("zf001", "demo").getForObject("/engine-rest/task/" + onSite.getId() + "/form-variables", JsonNode.class);
        assertThat(form.get("inspectionBrief").get("value").asText()).as("the form's brief names the target as typed, no link, no image")
                .contains("**\\[点此核对\\]\\(javascript:alert\\(1\\)\\) \\!\\[p\\]\\(http://evil.example/p.png\\)**");
        assertThat(inspections.targetOf(code).orElseThrow().name()).as("the record keeps the name as typed").isEqualTo(HOSTILE);
    }
}
