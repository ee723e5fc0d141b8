package cn.spotcheck.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.spotcheck.SpotCheckIntegrationTest;

/**
 * The public finds a result by two or more characters of the target's name, or by its code; one character or an
 * essay is answered with what to type instead, and a 400.
 */
@SpotCheckIntegrationTest
class PublicResultSearchTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ApplicationContext app;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aResultIsFoundByAFragmentOfTheNameOrByItsCode() {
        long targetId = jdbc.queryForObject("select min(id) from spotcheck.target where uscc is not null", Long.class);
        String name = jdbc.queryForObject("select name from spotcheck.target where id = ?", String.class, targetId);
        String uscc = jdbc.queryForObject("select uscc from spotcheck.target where id = ?", String.class, targetId).strip();
        PublishedResults.publish(app, "JC-917", 1, targetId);

        String middle = name.substring(1, 3);
        for (String q : new String[] {middle, name.substring(0, 4), name, uscc, uscc.toLowerCase()}) {
            assertThat(http.getForObject("/public/results?q={q}", String.class, q)).as(q).contains("<td class=\"code\">" + uscc + "</td>");
        }
        assertThat(http.getForObject("/public/results?q={q}", String.class, "不存在的名字")).contains("没有查到已公示的检查结果");

        ResponseEntity<String> one = http.getForEntity("/public/results?q={q}", String.class, name.substring(0, 1));
        assertThat(one.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(one.getBody()).contains("请至少输入企业名称中的两个字").doesNotContain(uscc);
        ResponseEntity<String> essay = http.getForEntity("/public/results?q={q}", String.class, "运".repeat(101));
        assertThat(essay.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(essay.getBody()).contains("查询内容不能超过 100 个字");
        ResponseEntity<String> page = http.getForEntity("/public/results?q={q}&page={p}", String.class, name, "二");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(page.getBody()).contains("页码应为 1 到 20 之间的整数");
    }
}
