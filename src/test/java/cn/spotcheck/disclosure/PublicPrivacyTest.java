package cn.spotcheck.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;
import cn.spotcheck.calendar.BureauTime;

/**
 * What the public site must never show: a natural person's address, phone or ID-card number, an inspector's data
 * beyond name and 执法证号, or a result not yet published. Such data is seeded, then every public page and download
 * is read for it.
 */
@SpotCheckIntegrationTest
class PublicPrivacyTest {

    private static final String ADDRESS = "长春市朝阳区红旗街 88 号 3 单元 501 室";
    private static final String PHONE = "13912345678";
    private static final String ID_CARD = "220102198001011234";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ApplicationContext app;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ResultPublicityNotice resultPublicity;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;
    @Autowired
    org.camunda.bpm.engine.ManagementService managementService;

    @Test
    void noPublicPageOrDownloadShowsPersonalDataOrUnpublishedResults() {
        JsonNode sample = http.withBasicAuth("fagui", "demo").getForObject("/api/targets?category=公路货运&size=1", JsonNode.class)
                .get("content").get(0);
        // A draw of our own, made before the seeded targets exist: a drawn target's name is public, and these must not be.
        long taskId = Fixtures.publishedTask(http, taskService, "JT-HY-01", List.of("公路货运"), 0.05);
        runtimeService.startProcessInstanceByKey("spot-check-task", String.valueOf(taskId), Map.of("taskId", taskId));
        Fixtures.confirmAndDispatch(taskService, runtimeService, managementService, taskId);
        long person = createTarget("个体运输户王某某", Fixtures.uscc(77001), ADDRESS + "（联系电话 " + PHONE + "）",
                "王某某（身份证 " + ID_CARD + "）", sample);
        long hidden = createTarget("尚未公示运输有限公司", Fixtures.uscc(77002), "长春市南关区", "李某", sample);
        PublishedResults.publish(app, "JC-905", 1, person);
        Fixtures.startInspection(runtimeService, "JC-905-90001", taskId, hidden, "JT-HY-01", "zf001", "zf002");

        List<String> shown = new ArrayList<>();
        int year = LocalDate.now(BureauTime.ZONE).getYear();
        List<String> paths = new ArrayList<>(List.of("/public/", "/public/results?q=王某某", "/public/results?q=尚未公示",
                "/public/results?q=" + Fixtures.uscc(77002), "/public/items", "/public/open-data",
                "/public/open-data/results?year=" + year + "&format=csv", "/public/open-data/results?year=" + year + "&format=json"));
        jdbc.queryForList("select id from spotcheck.annual_plan", Long.class).forEach(id -> paths.add("/public/plans/" + id));
        jdbc.queryForList("select id from spotcheck.draw_record where published_at is not null", Long.class)
                .forEach(id -> paths.add("/public/draws/" + id));
        // The task's 抽查结果公示 as it would be issued now, the unpublished inspection among its inspections.
        String notice = "/public/notices/" + resultPublicity.issue(taskId).id();
        paths.add(notice);
        for (String path : paths) {
            ResponseEntity<String> answer = http.getForEntity(path, String.class);
            if (answer.getStatusCode() == HttpStatus.OK) {
                shown.add(path + "\n" + answer.getBody());
            }
        }
        assertThat(String.join("\n", shown)).as("the published result of the person is public").contains("个体运输户王某某");
        assertThat(paths.stream().filter(p -> p.startsWith("/public/draws/")).count()).as("published draws are scanned too").isPositive();
        assertThat(shown).as("the result notice is scanned too").anyMatch(page -> page.startsWith(notice + "\n"));
        for (String page : shown) {
            String path = page.substring(0, page.indexOf('\n'));
            assertThat(page).as(path).doesNotContain(ADDRESS, PHONE, ID_CARD, "尚未公示运输有限公司", "JC-905-90001")
                    .doesNotContainPattern("\\bzf\\d{3}\\b");
        }
    }

    private long createTarget(String name, String uscc, String address, String legalRepresentative, JsonNode like) {
        Map<String, Object> input = new java.util.HashMap<>();
        input.put("uscc", uscc);
        input.put("name", name);
        input.put("category", "公路货运");
        input.put("region", like.get("region").asText());
        input.put("address", address);
        input.put("legalRepresentative", legalRepresentative);
        input.put("creditLevel", like.get("creditLevel").asText());
        input.put("status", like.get("status").asText());
        ResponseEntity<JsonNode> created = http.withBasicAuth("fagui", "demo").postForEntity("/api/targets", input, JsonNode.class);
        assertThat(created.getStatusCode().is2xxSuccessful()).as(String.valueOf(created.getBody())).isTrue();
        return created.getBody().get("id").asLong();
    }
}
