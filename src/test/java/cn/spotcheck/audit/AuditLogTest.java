package cn.spotcheck.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;

/**
 * Who did what and when is kept: a login and a failed one, a change made, a change refused, a Tasklist login with a
 * wrong password; the supervision group finds them by user and words, nobody else reads them; the log cannot be
 * changed, and an entry changed behind the database's back breaks the chain at that entry.
 */
@SpotCheckIntegrationTest
class AuditLogTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void whoDidWhatIsKeptAndFoundBySupervision() {
        // A name nobody has (a wrong password would hold a real user back for a few seconds: the login throttle).
        http.withBasicAuth("gongji", "guess").getForEntity("/api/items", String.class);
        ResponseEntity<JsonNode> created = http.withBasicAuth("fagui", "demo").postForEntity("/api/targets", Map.of("uscc", Fixtures.uscc(7401),
                "name", "审计测试运输有限公司", "category", "公路货运", "region", "朝阳区", "creditLevel", "B"), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(http.withBasicAuth("zf001", "demo").postForEntity("/api/targets", Map.of("name", "越权新增"), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Fixtures.tasklistLogin(http, new HttpHeaders(), "gongji2", "guess")).isEqualTo(401);
        ResponseEntity<String> notice = Fixtures.postPageForm(http, "ducha", "/supervision", "/supervision/notices", new LinkedMultiValueMap<>());
        assertThat(notice.getStatusCode().value()).isBetween(200, 499);

        List<String> fagui = lines(search("user=fagui"));
        assertThat(lines(search("user=gongji"))).first().satisfies(l -> assertThat(l).contains("登录失败").contains("拒绝 401"));
        assertThat(fagui).anySatisfy(l -> assertThat(l).contains("新增检查对象").contains("POST /api/targets 完成 201"));
        assertThat(lines(search("user=zf001&q=检查对象"))).first().satisfies(l -> assertThat(l).contains("新增检查对象").contains("拒绝 403"));
        assertThat(lines(search("user=gongji2"))).first().satisfies(l -> assertThat(l).contains("登录任务列表").contains("拒绝 401"));
        assertThat(lines(search("user=ducha"))).first().satisfies(l -> assertThat(l).contains("发出督办通知"));

        assertThat(http.withBasicAuth("fagui", "demo").getForEntity("/api/audit", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> badDay = http.withBasicAuth("ducha", "demo").getForEntity("/api/audit?from=2026-02-30", JsonNode.class);
        assertThat(badDay.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badDay.getBody().get("errors").get(0).get("field").asText()).isEqualTo("from");
        assertThat(badDay.getBody().get("message").asText()).contains("起始日期");

        String page = http.withBasicAuth("admin", "demo").getForObject("/audit?user=fagui&verify=1", String.class);
        assertThat(page).contains("审计日志").contains("新增检查对象").contains("摘要链完整");
    }

    @Test
    void theLogCannotBeChangedAndAChangeBehindItsBackBreaksTheChain() {
        http.withBasicAuth("fagui", "demo").postForEntity("/api/targets", Map.of("name", ""), JsonNode.class);
        long last = jdbc.queryForObject("select max(position) from spotcheck.audit_entry", Long.class);
        assertThatThrownBy(() -> jdbc.update("update spotcheck.audit_entry set actor = 'someone' where position = ?", last))
                .hasMessageContaining("审计日志只能追加");
        assertThatThrownBy(() -> jdbc.update("delete from spotcheck.audit_entry where position = ?", last))
                .hasMessageContaining("审计日志只能追加");
        assertThat(verification().get("brokenAt").isNull()).isTrue();

        String actor = jdbc.queryForObject("select actor from spotcheck.audit_entry where position = ?", String.class, last);
        jdbc.execute("alter table spotcheck.audit_entry disable trigger audit_entry_no_change");
        try {
            jdbc.update("update spotcheck.audit_entry set actor = 'someone' where position = ?", last);
            JsonNode broken = verification();
            assertThat(broken.get("brokenAt").asLong()).isEqualTo(last);
            assertThat(broken.get("entries").asLong()).isEqualTo(last - 1);
            assertThat(http.withBasicAuth("ducha", "demo").getForObject("/audit?verify=1", String.class))
                    .contains("摘要链在第 " + last + " 条断开");
        } finally {
            jdbc.update("update spotcheck.audit_entry set actor = ? where position = ?", actor, last);
            jdbc.execute("alter table spotcheck.audit_entry enable trigger audit_entry_no_change");
        }
        assertThat(verification().get("brokenAt").isNull()).isTrue();
    }

    private JsonNode verification() {
        return http.withBasicAuth("ducha", "demo").getForObject("/api/audit/verify", JsonNode.class);
    }

    private JsonNode search(String query) {
        ResponseEntity<JsonNode> answer = http.withBasicAuth("ducha", "demo").getForEntity("/api/audit?" + query, JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    /** Each entry as one line: action, method and path, outcome and status. */
    private static List<String> lines(JsonNode entries) {
        List<String> lines = new ArrayList<>();
        entries.forEach(e -> lines.add(e.get("action").asText() + " " + e.get("target").asText() + " "
                + e.get("outcome").asText() + " " + e.get("status").asInt()));
        return lines;
    }
}
