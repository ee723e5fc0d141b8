package cn.spotcheck.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.spotcheck.SpotCheckIntegrationTest;

/**
 * Login throttling per user, kept by the identity service in the database: after a wrong password the account waits,
 * and says until when; after ten the account is locked until an administrator unlocks it, and says that. The right
 * password does not get through a lock.
 */
@SpotCheckIntegrationTest
class LoginLockoutTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identityService;

    /** As the login page's form posts it: its session and CSRF token, then the user name and password. */
    private String formLogin(String user, String password) {
        ResponseEntity<String> page = http.getForEntity("/login", String.class);
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.getBody());
        assertThat(token.find()).isTrue();
        org.springframework.util.MultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", password);
        form.add("_csrf", token.group(1));
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(org.springframework.http.HttpHeaders.COOKIE, page.getHeaders().getFirst(org.springframework.http.HttpHeaders.SET_COOKIE).split(";")[0]);
        ResponseEntity<String> answer = http.postForEntity("/login", new org.springframework.http.HttpEntity<>(form, headers), String.class);
        String location = answer.getHeaders().getFirst(org.springframework.http.HttpHeaders.LOCATION);
        if (location != null) {
            headers.remove(org.springframework.http.HttpHeaders.CONTENT_TYPE);
            return http.exchange(location, org.springframework.http.HttpMethod.GET, new org.springframework.http.HttpEntity<>(headers), String.class).getBody();
        }
        return answer.getBody();
    }

    @Test
    void failedLoginsLockTheAccountAndTheRefusalSaysSo() {
        String id = "lock" + System.nanoTime() % 1_000_000;
        User user = identityService.newUser(id);
        user.setFirstName("锁定");
        user.setLastName("测试");
        user.setPassword("Right-pass-1");
        identityService.saveUser(user);

        ResponseEntity<String> wrong = http.withBasicAuth(id, "wrong").getForEntity("/api/plans", String.class);
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> waiting = http.withBasicAuth(id, "Right-pass-1").getForEntity("/api/plans", String.class);
        assertThat(waiting.getStatusCode()).as("the right password waits out the delay too").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(waiting.getBody()).contains("已暂时锁定", "后再试");
        assertThat(formLogin(id, "Right-pass-1")).as("the login page says it too").contains("已暂时锁定").doesNotContain("用户名或密码错误");

        try {
            for (int attempt = 2; attempt <= 10; attempt++) {
                ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 61_000));
                http.withBasicAuth(id, "wrong").getForEntity("/api/plans", String.class);
            }
            ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 3_600_000));
            ResponseEntity<String> locked = http.withBasicAuth(id, "Right-pass-1").getForEntity("/api/plans", String.class);
            assertThat(locked.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(locked.getBody()).contains("已被锁定", "联系管理员解锁");

            identityService.unlockUser(id);
            assertThat(http.withBasicAuth(id, "Right-pass-1").getForEntity("/api/plans", String.class).getStatusCode())
                    .as("unlocked by an administrator").isNotEqualTo(HttpStatus.UNAUTHORIZED);
        } finally {
            ClockUtil.reset();
            identityService.deleteUser(id);
        }
    }
}
