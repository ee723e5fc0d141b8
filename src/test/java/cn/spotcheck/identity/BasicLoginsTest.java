package cn.spotcheck.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.spotcheck.SpotCheckIntegrationTest;

/**
 * The engine's REST API does not check an unchanged account's password again on every request ({@link BasicLogins});
 * whatever changes the account is felt on the very next request: a new password set in Camunda Admin, one written by
 * another node (seen here only in the database), a failed attempt and the wait it imposes.
 */
@SpotCheckIntegrationTest
class BasicLoginsTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;

    private String account(String password) {
        String id = "basic" + System.nanoTime() % 1_000_000;
        User user = identityService.newUser(id);
        user.setFirstName("缓存");
        user.setLastName("测试");
        user.setPassword(password);
        identityService.saveUser(user);
        return id;
    }

    private ResponseEntity<String> engine(String user, String password) {
        return http.withBasicAuth(user, password).getForEntity("/engine-rest/task/count", String.class);
    }

    @Test
    void aPasswordChangedInAdminBitesOnTheNextRequest() {
        String id = account("First-pass-1");
        assertThat(engine(id, "First-pass-1").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(engine(id, "First-pass-1").getStatusCode()).as("again, unchanged").isEqualTo(HttpStatus.OK);

        User user = identityService.createUserQuery().userId(id).singleResult();
        user.setPassword("Second-pass-2");
        identityService.saveUser(user);

        assertThat(engine(id, "First-pass-1").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // The failed attempt makes the account wait a moment before the new password is taken.
        identityService.unlockUser(id);
        assertThat(engine(id, "Second-pass-2").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aPasswordWrittenByAnotherNodeBitesToo() {
        String id = account("First-pass-1");
        String other = account("Other-pass-3");
        assertThat(engine(id, "First-pass-1").getStatusCode()).isEqualTo(HttpStatus.OK);

        jdbc.update("update act_id_user set pwd_ = o.pwd_, salt_ = o.salt_ from (select pwd_, salt_ from act_id_user where id_ = ?) o "
                + "where act_id_user.id_ = ?", other, id);

        assertThat(engine(id, "First-pass-1").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        identityService.unlockUser(id);
        assertThat(engine(id, "Other-pass-3").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aWrongPasswordAfterARightOneMakesTheRightOneWait() {
        String id = account("Right-pass-1");
        assertThat(engine(id, "Right-pass-1").getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(engine(id, "wrong").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> waiting = engine(id, "Right-pass-1");
        assertThat(waiting.getStatusCode()).as("the right password waits out the delay, remembered or not").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(waiting.getBody()).contains("已暂时锁定");
    }
}
