package cn.spotcheck.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;

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

    /** The login page's form, posted as a browser does, and the page it ends on. */
    private String formLogin(String user, String password) {
        return cn.spotcheck.Fixtures.postPageForm(http, null, "/login", "/login", new org.springframework.util.LinkedMultiValueMap<>(
                java.util.Map.of("username", List.of(user), "password", List.of(password)))).getBody();
    }

    @Test
    void theEnginesRestApiSaysWhyALoginIsRefused() {
        ResponseEntity<String> anonymous = http.getForEntity("/engine-rest/task", String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getBody()).contains("请先登录");
        ResponseEntity<String> wrong = http.withBasicAuth("nobody" + System.nanoTime() % 1_000_000, "guess").getForEntity("/engine-rest/task", String.class);
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(wrong.getBody()).contains("用户名或密码错误");
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
        ResponseEntity<String> engineWaiting = http.withBasicAuth(id, "Right-pass-1").getForEntity("/engine-rest/task", String.class);
        assertThat(engineWaiting.getStatusCode()).as("the engine's REST API as well").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(engineWaiting.getBody()).contains("已暂时锁定", "后再试");

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
