package cn.spotcheck.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;
import cn.spotcheck.inspection.InspectionView;
import cn.spotcheck.inspection.Inspections;

/**
 * What is not public is not for every logged-in user: a draw before it is confirmed is read by the legal staff,
 * the supervision group and administrators only; the documents of an inspection by its own inspectors and those
 * groups, not by another inspection's inspector.
 */
@SpotCheckIntegrationTest
class ReadingPermissionsTest {

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
    void anUnconfirmedDrawAndAnotherInspectionsDocumentsAreNotForEveryOfficer() {
        long taskId = Fixtures.publishedTask(http, taskService, "JT-WX-01", List.of("机动车维修"), 0.03);
        runtimeService.startProcessInstanceByKey("spot-check-task", String.valueOf(taskId), Map.of("taskId", taskId));
        String draw = "/api/tasks/" + taskId + "/draw";
        assertThat(http.withBasicAuth("zf001", "demo").getForEntity(draw, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("fagui", "demo").getForEntity(draw, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("ducha", "demo").getForEntity(draw, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        Fixtures.confirmAndDispatch(taskService, runtimeService, managementService, taskId);
        assertThat(http.withBasicAuth("zf001", "demo").getForEntity(draw, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        InspectionView inspection = inspections.ofTask(taskId).get(0);
        String own = inspection.inspectorStaffNos().get(0);
        String other = Fixtures.inspectorNotOn(inspection.inspectorStaffNos());
        String list = "/api/documents?reference=" + inspection.code();
        JsonNode documents = http.withBasicAuth(own, "demo").getForObject(list, JsonNode.class);
        assertThat(documents.size()).isGreaterThanOrEqualTo(1);
        String notice = "/api/documents/" + documents.get(0).get("id").asLong();
        ResponseEntity<String> ownNotice = http.withBasicAuth(own, "demo").getForEntity(notice, String.class);
        assertThat(ownNotice.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ownNotice.getBody()).as("signed by the configured bureau (spotcheck.bureau.name)").contains("长春市交通运输局");
        assertThat(http.withBasicAuth(other, "demo").getForEntity(notice, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth(other, "demo").getForEntity(list, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("ducha", "demo").getForEntity(notice, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
