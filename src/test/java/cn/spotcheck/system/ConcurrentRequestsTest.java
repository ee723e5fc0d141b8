package cn.spotcheck.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;

/**
 * Two people doing the same thing at once get one result and a clear answer, never a 500: the same target
 * registered twice, the same task started three times. Malformed requests are refused in Chinese.
 */
@SpotCheckIntegrationTest
class ConcurrentRequestsTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;

    @Test
    void theSameTargetRegisteredTwiceAtOnceHasOneWinnerAndA409() throws Exception {
        for (int round = 0; round < 5; round++) {
            String uscc = Fixtures.uscc(88_000 + round);
            Map<String, Object> target = Map.of("uscc", uscc, "name", "并发登记测试公司" + round, "category", "公路货运",
                    "region", "朝阳区", "creditLevel", "B");
            List<CompletableFuture<ResponseEntity<JsonNode>>> posts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                posts.add(CompletableFuture.supplyAsync(() -> http.withBasicAuth("fagui", "demo").postForEntity("/api/targets", target, JsonNode.class)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<ResponseEntity<JsonNode>> post : posts) {
                ResponseEntity<JsonNode> answer = post.get();
                statuses.add(answer.getStatusCode().value());
                if (answer.getStatusCode().value() == 409) {
                    assertThat(answer.getBody().get("message").asText()).doesNotContain("Exception");
                }
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        }
    }

    @Test
    void aTaskStartedThreeTimesAtOnceIsDrawnOnce() throws Exception {
        long taskId = Fixtures.publishedTask(http, taskService, "JT-WX-02", List.of("机动车维修"), 0.03);
        List<CompletableFuture<ResponseEntity<JsonNode>>> starts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            starts.add(CompletableFuture.supplyAsync(() -> http.withBasicAuth("fagui", "demo")
                    .postForEntity("/api/tasks/" + taskId + "/start", null, JsonNode.class)));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<ResponseEntity<JsonNode>> start : starts) {
            statuses.add(start.get().getStatusCode().value());
        }
        assertThat(statuses).as("one start draws; the others see it or are told to wait").containsOnlyOnce(201)
                .allMatch(s -> s == 201 || s == 200 || s == 409);
    }

    @Test
    void malformedRequestsAreRefusedInChinese() {
        TestRestTemplate fagui = http.withBasicAuth("fagui", "demo");
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> jsonImport = fagui.postForEntity("/api/targets/import", new HttpEntity<>("{\"file\":1}", json), JsonNode.class);
        assertThat(jsonImport.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(jsonImport.getBody().get("message").asText()).contains("multipart");
        ResponseEntity<JsonNode> noBody = fagui.postForEntity("/api/targets/import", null, JsonNode.class);
        assertThat(noBody.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<JsonNode> page = fagui.getForEntity("/api/targets?page=abc", JsonNode.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(page.getBody().get("message").asText()).contains("page").contains("格式不正确").doesNotContain("Failed to convert");
    }
}
