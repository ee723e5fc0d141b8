package cn.spotcheck.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.spotcheck.SpotCheckIntegrationTest;

/** No English framework page anywhere: people get a Chinese page with the reason, programs the API's error shape. */
@SpotCheckIntegrationTest
class ErrorPagesTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void aPersonGetsAChinesePageWithTheReasonAndTheStatus() {
        assertPage("/no-such-page", HttpStatus.NOT_FOUND, "页面不存在");
        assertPage("/plans/999999", HttpStatus.NOT_FOUND, "年度抽查计划 999999 不存在");
        assertPage("/tasks/abc", HttpStatus.NOT_FOUND, "页面不存在");
        assertPage("/tasks/999999", HttpStatus.NOT_FOUND, "抽查任务 999999 不存在");
    }

    @Test
    void aProgramGetsTheApisErrorShapeForUnknownAddressesAndMethods() {
        ResponseEntity<String> unknown = http.withBasicAuth("fagui", "demo").getForEntity("/api/no-such-thing", String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).contains("\"message\":\"").contains("地址不存在").doesNotContain("Not Found", "timestamp");
        ResponseEntity<String> method = http.withBasicAuth("fagui", "demo").exchange("/api/plans", HttpMethod.DELETE, null, String.class);
        assertThat(method.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(method.getBody()).contains("\"message\":\"").doesNotContain("Method Not Allowed");
    }

    private void assertPage(String path, HttpStatus status, String text) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> page = http.withBasicAuth("fagui", "demo").exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(page.getStatusCode()).as(path).isEqualTo(status);
        assertThat(page.getBody()).as(path).contains(text).doesNotContain("Whitelabel", "Exception");
    }
}
