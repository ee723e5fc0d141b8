package cn.spotcheck.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.spotcheck.Fixtures;
import cn.spotcheck.LatinWords;
import cn.spotcheck.SpotCheckIntegrationTest;
import cn.spotcheck.calendar.BureauTime;

/** Anyone downloads a year's published results as CSV that Excel opens, or as JSON, with the fields the pages show. */
@SpotCheckIntegrationTest
class OpenDataTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ApplicationContext app;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aYearsResultsAsCsvAndJsonWithThePagesFieldsOnly() throws Exception {
        long targetId = Fixtures.someTarget(http, "公路货运");
        String name = jdbc.queryForObject("select name from spotcheck.target where id = ?", String.class, targetId);
        List<String> codes = PublishedResults.publish(app, "JC-904", 2, targetId);
        int year = LocalDate.now(BureauTime.ZONE).getYear();

        ResponseEntity<byte[]> csv = http.getForEntity("/public/open-data/results?year=" + year + "&format=csv", byte[].class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        byte[] bytes = csv.getBody();
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).as("UTF-8 BOM for Excel").containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        assertThat(lines[0]).isEqualTo("检查编号,检查对象,统一社会信用代码,检查事项,检查结果,查处结果,更正说明,检查完成日期,公示时间");
        assertThat(text).contains(name + ",").contains(",JT-HY-01,未发现问题,,,2027-05-10,");
        assertThat(text).as("the inspection code, as the result pages show it").contains(codes.get(0) + "," + name + ",");

        JsonNode json = new ObjectMapper().readTree(http.getForObject("/public/open-data/results?year=" + year + "&format=json", String.class));
        assertThat(json.isArray()).isTrue();
        JsonNode mine = null;
        for (JsonNode r : json) {
            if (name.equals(r.path("targetName").asText()) && "2027-05-10".equals(r.path("inspectionEndDate").asText())) {
                mine = r;
            }
        }
        assertThat(mine).isNotNull();
        List<String> keys = new java.util.ArrayList<>();
        mine.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("code", "targetName", "uscc", "items", "resultCategory", "outcome", "correction", "inspectionEndDate", "publishedAt");
        assertThat(mine.path("items").get(0).asText()).isEqualTo("JT-HY-01");
        assertThat(java.time.OffsetDateTime.parse(mine.path("publishedAt").asText()).getOffset()).as("ISO-8601, Beijing time")
                .isEqualTo(java.time.ZoneOffset.ofHours(8));

        String page = http.getForObject("/public/open-data", String.class);
        assertThat(page).contains(year + " 年", "字段说明", "inspectionEndDate", "统一社会信用代码");
        // A page for the public: its only Latin words are the interface it documents (field keys, the address).
        String shown = page.substring(page.indexOf("<main"), page.indexOf("</main>")).replaceAll("<[^>]+>", " ");
        assertThat(LatinWords.in(shown)).allSatisfy(word -> assertThat(word).isIn(
                "code", "targetName", "uscc", "items", "resultCategory", "outcome", "correction", "inspectionEndDate", "publishedAt", "GET", "public", "open",
                "data", "results", "year", "format", "json", "amp", "YYYY", "MM", "DD"));
    }

    @Test
    void aClosedFollowUpsOutcomeIsPublishedBesideItsResult() {
        long targetId = Fixtures.someTarget(http, "公路货运");
        String name = jdbc.queryForObject("select name from spotcheck.target where id = ?", String.class, targetId);
        String code = PublishedResults.publish(app, "JC-906", 1, targetId).get(0);
        String outcome = "立案查处：行政处罚决定书 长交罚决字〔2027〕3号，罚款 2000 元";
        new org.springframework.transaction.support.TransactionTemplate(app.getBean(org.springframework.transaction.PlatformTransactionManager.class))
                .executeWithoutResult(s -> app.publishEvent(new cn.spotcheck.followup.FollowUpClosed(code, "CASE", outcome, java.time.Instant.now())));
        Fixtures.awaitModuleEvents(jdbc);

        assertThat(http.getForObject("/public/results?q=" + name, String.class)).contains("查处结果", outcome);
        int year = LocalDate.now(BureauTime.ZONE).getYear();
        assertThat(http.getForObject("/public/open-data/results?year=" + year + "&format=csv", String.class))
                .contains(",未发现问题," + outcome + ",,2027-05-10,");
    }

    @Test
    void aWrongYearOrFormatIsRefusedNamingTheParameter() {
        assertRefused("/public/open-data/results?format=csv", "year");
        assertRefused("/public/open-data/results?year=abc", "year");
        assertRefused("/public/open-data/results?year=2099", "year");
        assertRefused("/public/open-data/results?year=2026&format=xml", "format");
    }

    private void assertRefused(String path, String parameter) {
        ResponseEntity<String> answer = http.getForEntity(path, String.class);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).as(path).contains("参数 " + parameter).doesNotContain("Exception", "Whitelabel");
    }
}
