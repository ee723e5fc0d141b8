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
import org.springframework.jdbc.core.JdbcTemplate;

import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;

/**
 * An officer clicking through Tasklist reads; their session, kept in the database, is not rewritten by each click
 * (the webapps put their login back at every request, and Spring Session marks every touch). A login, a logout and a
 * session idle for over a minute are still written, and a logged-out session reads nothing more.
 */
@SpotCheckIntegrationTest
class TasklistSessionTest {

    private static final String TASKS = "/camunda/api/engine/engine/default/task?maxResults=15";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void readingTasklistLeavesTheSessionRowsAsTheyWere() {
        HttpHeaders officer = Fixtures.tasklistSession(http, "zf001");
        String session = sessionId(officer);
        Map<String, Object> before = rows(session);
        assertThat(before.get("login")).as("登录写入会话").isNotNull();

        for (int i = 0; i < 5; i++) {
            assertThat(get(officer, TASKS).getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(get(officer, "/camunda/api/engine/engine/default/filter?resourceType=Task&itemCount=true").getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }
        assertThat(rows(session)).as("只读的请求不改写会话").isEqualTo(before);

        // Idle for two minutes: the next request moves the session's last access (and so its expiry) on.
        jdbc.update("update spotcheck.spring_session set last_access_time = last_access_time - 120000, "
                + "expiry_time = expiry_time - 120000 where session_id = ?", session);
        long idle = jdbc.queryForObject("select last_access_time from spotcheck.spring_session where session_id = ?", Long.class, session);
        assertThat(get(officer, TASKS).getStatusCode()).isEqualTo(HttpStatus.OK);
        long touched = jdbc.queryForObject("select last_access_time from spotcheck.spring_session where session_id = ?", Long.class, session);
        assertThat(touched - idle).as("闲置后再访问，会话的最后访问时间前移").isGreaterThanOrEqualTo(120_000);

        ResponseEntity<String> logout = http.exchange("/camunda/api/admin/auth/user/default/logout", HttpMethod.POST,
                new HttpEntity<>(officer), String.class);
        assertThat(logout.getStatusCode().is2xxSuccessful()).as("退出：%s", logout.getStatusCode()).isTrue();
        assertThat(get(officer, TASKS).getStatusCode()).as("退出后不能再读任务").isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void twoOfficersInTheirOwnSessionsSeeTheirOwnName() {
        HttpHeaders first = Fixtures.tasklistSession(http, "zf001");
        HttpHeaders second = Fixtures.tasklistSession(http, "zf002");
        for (int i = 0; i < 3; i++) {
            assertThat(get(first, "/camunda/api/admin/auth/user/default").getBody()).contains("\"userId\":\"zf001\"");
            assertThat(get(second, "/camunda/api/admin/auth/user/default").getBody()).contains("\"userId\":\"zf002\"");
        }
    }

    private ResponseEntity<String> get(HttpHeaders session, String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(session), String.class);
    }

    private static String sessionId(HttpHeaders session) {
        return session.get(HttpHeaders.COOKIE).stream().filter(c -> c.startsWith("JSESSIONID="))
                // Spring Session's cookie holds the id in Base64.
                .map(c -> new String(java.util.Base64.getDecoder().decode(c.substring("JSESSIONID=".length()))))
                .findFirst().orElseThrow();
    }

    /** The session's row and the login's, as stored: their row versions (xmin) change with any rewrite. */
    private Map<String, Object> rows(String session) {
        return jdbc.queryForMap("""
                select s.xmin::text as session_version, s.last_access_time, a.xmin::text as login_version, md5(a.attribute_bytes) as login
                from spotcheck.spring_session s
                left join spotcheck.spring_session_attributes a on a.session_primary_id = s.primary_id and a.attribute_name = ?
                where s.session_id = ?""", UnchangedLogin.ATTRIBUTE, session);
    }
}
