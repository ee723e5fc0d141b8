package cn.spotcheck.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;

/** An officer who tries what the engine does not let him do is told in Chinese which right he lacks, on both entrances. */
@SpotCheckIntegrationTest
class EngineRefusalsInChineseTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void startingAProcessWithoutTheRightIsRefusedInChinese() {
        ResponseEntity<JsonNode> rest = http.withBasicAuth("zf001", "demo").exchange("/engine-rest/process-definition/key/annual-plan/start",
                HttpMethod.POST, json(Map.of()), JsonNode.class);
        assertRefusedInChinese(rest);

        HttpHeaders tasklist = Fixtures.tasklistSession(http, "zf001");
        ResponseEntity<JsonNode> webapp = http.exchange("/camunda/api/engine/engine/default/process-definition/key/annual-plan/start",
                HttpMethod.POST, new HttpEntity<>(Map.of(), tasklist), JsonNode.class);
        assertRefusedInChinese(webapp);
        // What Tasklist reads goes on as before.
        ResponseEntity<JsonNode> tasks = http.exchange("/camunda/api/engine/engine/default/task?maxResults=5", HttpMethod.GET,
                new HttpEntity<>(tasklist), JsonNode.class);
        assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tasks.getBody().isArray()).isTrue();
    }

    @Test
    void aRefusalAlreadyInChineseAndOtherBodiesAreKept() {
        byte[] chinese = "{\"type\":\"AuthorizationException\",\"message\":\"只有系统管理员可以修改\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(EngineRefusalsInChinese.inChinese(chinese)).isEqualTo(chinese);
        byte[] other = "{\"type\":\"InvalidRequestException\",\"message\":\"Cannot find task\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(EngineRefusalsInChinese.inChinese(other)).isEqualTo(other);
        byte[] notJson = "<html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(EngineRefusalsInChinese.inChinese(notJson)).isEqualTo(notJson);
    }

    private static void assertRefusedInChinese(ResponseEntity<JsonNode> answer) {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(answer.getBody().path("type").asText()).isEqualTo("AuthorizationException");
        assertThat(answer.getBody().path("message").asText()).startsWith("无权执行此操作：当前用户缺少")
                .contains("「流程实例」的「创建」权限").doesNotContain("permission");
        assertThat(answer.getBody().path("missingAuthorizations")).isNotEmpty();
        assertThat(answer.getHeaders().getContentLength()).isIn(-1L, (long) answer.getBody().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
