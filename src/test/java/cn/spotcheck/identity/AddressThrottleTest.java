package cn.spotcheck.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;

/**
 * One address guessing passwords — for many user names, on any entrance — is stopped after 30 failures within ten
 * minutes: even a right password is refused from it, with a Chinese message saying until when; other addresses are
 * not affected; ten minutes on, it may log in again. The addresses are the clients' as the reverse proxy tells them.
 */
@SpotCheckIntegrationTest
class AddressThrottleTest {

    @Autowired
    TestRestTemplate http;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anAddressGuessingPasswordsIsStoppedAndOthersAreNot() {
        String guesser = "203.0.113.21";
        for (int i = 1; i <= 30; i++) {
            assertThat(items(guesser, "guess" + i, "123456").getStatusCode().value()).isEqualTo(401);
        }
        ResponseEntity<JsonNode> right = items(guesser, "fagui", "demo");
        assertThat(right.getStatusCode().value()).isEqualTo(429);
        assertThat(right.getBody().get("message").asText()).contains("该地址登录失败次数过多").contains("请于");
        assertThat(items("203.0.113.22", "fagui", "demo").getStatusCode().value()).isEqualTo(200);

        // The login page too: sent back to itself with the message.
        ResponseEntity<String> page = http.getForEntity("/login", String.class);
        String cookie = page.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
        String token = page.getBody().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        HttpHeaders form = from(guesser);
        form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        form.add(HttpHeaders.COOKIE, cookie);
        LinkedMultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("username", "fagui");
        fields.add("password", "demo");
        fields.add("_csrf", token);
        ResponseEntity<String> login = http.exchange("/login", HttpMethod.POST, new HttpEntity<>(fields, form), String.class);
        assertThat(login.getBody()).contains("该地址登录失败次数过多");

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(11, ChronoUnit.MINUTES)));
        assertThat(items(guesser, "fagui", "demo").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void failedTasklistLoginsCountToo() {
        String guesser = "203.0.113.31";
        for (int i = 1; i <= 30; i++) {
            assertThat(tasklistLogin(guesser, "guess" + i)).isEqualTo(401);
        }
        assertThat(tasklistLogin(guesser, "guess31")).isEqualTo(429);
        assertThat(http.exchange("/engine-rest/task/count", HttpMethod.GET, new HttpEntity<>(basic(guesser, "zf001", "demo")), String.class)
                .getStatusCode().value()).isEqualTo(429);
    }

    private ResponseEntity<JsonNode> items(String address, String user, String password) {
        return http.exchange("/api/items", HttpMethod.GET, new HttpEntity<>(basic(address, user, password)), JsonNode.class);
    }

    private static HttpHeaders basic(String address, String user, String password) {
        HttpHeaders headers = from(address);
        headers.setBasicAuth(user, password);
        return headers;
    }

    private static HttpHeaders from(String address) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Forwarded-For", address);
        return headers;
    }
    private int tasklistLogin(String address, String user) {
        return Fixtures.tasklistLogin(http, from(address), user, "guess");
    }
}
