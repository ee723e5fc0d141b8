package cn.spotcheck.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.SpotCheckIntegrationTest;

/**
 * 口令复杂度: a password set through the engine's API — an administrator creating a user, anyone changing their own —
 * has 10 characters with both cases, a digit and a special character, and none of the user's data; a weaker one is
 * refused in Chinese, naming what it lacks, and nothing is saved. The demo's published password stays the demo's.
 */
@SpotCheckIntegrationTest
class PasswordPolicyTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identityService;
    @Autowired
    ProcessEngine engine;

    @Test
    void anAdministratorCannotGiveANewUserAWeakPassword() {
        String id = "pw" + System.nanoTime() % 1_000_000;

        ResponseEntity<JsonNode> weak = create(id, "123456");
        assertThat(weak.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(weak.getBody().get("field").asText()).isEqualTo("password");
        assertThat(weak.getBody().get("message").asText()).contains("密码不符合要求", "至少 10 个字符", "大写字母", "特殊字符");
        assertThat(identityService.createUserQuery().userId(id).count()).as("nothing saved").isZero();
        ResponseEntity<JsonNode> ownName = create(id, "Xx-" + id + "-2026");
        assertThat(ownName.getBody().get("message").asText()).contains("不得包含用户名、姓名或邮箱");

        assertThat(create(id, "Chang-chun-2026").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(http.withBasicAuth(id, "Chang-chun-2026").getForEntity("/engine-rest/task/count", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        identityService.deleteUser(id);
    }

    @Test
    void anOfficerCannotChangeTheirPasswordToAWeakOne() {
        ResponseEntity<JsonNode> weak = http.withBasicAuth("zf044", "demo").exchange("/engine-rest/user/zf044/credentials", HttpMethod.PUT,
                new HttpEntity<>(Map.of("password", "zf044zf044", "authenticatedUserPassword", "demo")), JsonNode.class);
        assertThat(weak.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(weak.getBody().get("message").asText()).contains("大写字母", "特殊字符", "不得包含用户名");
        assertThat(identityService.checkPassword("zf044", "demo")).as("the password unchanged").isTrue();
    }

    @Test
    void aFirstAdministratorWithAWeakPasswordStopsTheStartSayingWhy() {
        String id = "root" + System.nanoTime() % 1_000_000;
        IdentityBootstrap weak = new IdentityBootstrap(engine, identityService, engine.getAuthorizationService(), id, "admin123", false);
        assertThatThrownBy(weak::bootstrap).hasMessageContaining("SPOTCHECK_ADMIN_PASSWORD").hasMessageContaining("至少 1 个大写字母");
        assertThat(identityService.createUserQuery().userId(id).count()).isZero();

        new IdentityBootstrap(engine, identityService, engine.getAuthorizationService(), id, "Root-pass-2026", false).bootstrap();
        assertThat(identityService.createUserQuery().userId(id).memberOfGroup(Roles.ADMIN).count()).isEqualTo(1);
        identityService.deleteUser(id);
    }

    private ResponseEntity<JsonNode> create(String id, String password) {
        return http.withBasicAuth("admin", "demo").postForEntity("/engine-rest/user/create", Map.of(
                "profile", Map.of("id", id, "firstName", "测试", "lastName", "用户", "email", id + "@jtj.example.cn"),
                "credentials", Map.of("password", password)), JsonNode.class);
    }
}
