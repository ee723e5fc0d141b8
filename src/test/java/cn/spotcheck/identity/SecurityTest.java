package cn.spotcheck.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import cn.spotcheck.SpotCheckIntegrationTest;

@SpotCheckIntegrationTest
class SecurityTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void anonymousCallersAreAskedToLogIn() {
        var api = http.getForEntity("/api/calendar/days/2024-10-01", String.class);
        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
        assertThat(api.getBody()).contains("请先登录");

        assertThat(http.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void thePublicSiteIsOpen() {
        var page = http.getForEntity("/public/", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("公示信息");
    }

    @Test
    void demoUsersLogInToTheApiAndTheEngine() {
        for (String user : new String[] {"admin", "fagui", "sifa", "ducha", "zf001", "zf040"}) {
            // (zf039 is kept for the wrong-password test, which locks it for a while.)
            assertThat(http.withBasicAuth(user, "demo").getForEntity("/api/calendar/days/2024-10-01", String.class)
                    .getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            assertThat(http.withBasicAuth(user, "demo").getForEntity("/engine-rest/task", String.class)
                    .getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        // zf039 and no one else: the engine locks an account for a while after failed attempts.
        assertThat(http.withBasicAuth("zf039", "wrong").getForEntity("/api/calendar/days/2024-10-01", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("zf039", "wrong").getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("nobody", "demo").getForEntity("/api/calendar/days/2024-10-01", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theEngineApiOnlyShowsAnInspectorWhatTheyMaySee() {
        // Authorization is on: an inspector may not read the engine's users list.
        var users = http.withBasicAuth("zf001", "demo").getForEntity("/engine-rest/user", String.class);
        assertThat(users.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(users.getBody()).startsWith("[").doesNotContain("\"id\":\"admin\"").doesNotContain("\"id\":\"zf002\"");
        var adminView = http.withBasicAuth("admin", "demo").getForEntity("/engine-rest/user", String.class);
        assertThat(adminView.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(adminView.getBody()).contains("\"id\":\"admin\"").contains("\"id\":\"zf002\"");
    }
}
