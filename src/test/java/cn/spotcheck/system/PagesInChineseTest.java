package cn.spotcheck.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.Fixtures;
import cn.spotcheck.LatinWords;
import cn.spotcheck.SpotCheckIntegrationTest;
import cn.spotcheck.plan.AnnualPlans;

/**
 * Every staff and public page, as the role that opens it, read for English words a Chinese user would trip over
 * (the text a person sees: tags, scripts and styles left out). The browser walks scan what they pass through; this
 * scans the rest.
 */
@SpotCheckIntegrationTest
class PagesInChineseTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    AnnualPlans plans;

    @Test
    void everyPageSpeaksChinese() {
        long taskId = Fixtures.publishedTask(http, taskService, "JT-HY-01", List.of("公路货运"), 0.05);
        long targetId = Fixtures.someTarget(http, "公路货运");
        String code = "JC-ZH-" + System.nanoTime();
        Fixtures.startInspection(runtimeService, code, taskId, targetId, "JT-HY-01", "zf001", "zf002");
        long planId = plans.task(taskId).planId();
        long inspectorId = http.withBasicAuth("fagui", "demo").getForObject("/api/inspectors?size=1", JsonNode.class)
                .get("content").get(0).get("id").asLong();
        long itemId = http.withBasicAuth("fagui", "demo").getForObject("/api/items", JsonNode.class).get(0).get("id").asLong();

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/", "fagui");
        pages.put("/plans?year=2027", "fagui");
        pages.put("/plans/" + planId, "fagui");
        pages.put("/tasks/" + taskId, "ducha");
        pages.put("/inspections/" + code, "zf001");
        pages.put("/supervision", "ducha");
        pages.put("/supervision/statistics?year=2027", "ducha");
        pages.put("/publication", "fagui");
        pages.put("/catalog", "fagui");
        pages.put("/catalog/targets", "fagui");
        pages.put("/catalog/targets/new", "fagui");
        pages.put("/catalog/targets/" + targetId, "fagui");
        pages.put("/catalog/inspectors", "fagui");
        pages.put("/catalog/inspectors/" + inspectorId, "fagui");
        pages.put("/catalog/items", "fagui");
        pages.put("/catalog/items/" + itemId, "fagui");
        pages.put("/catalog/import", "fagui");
        pages.put("/calendar/holidays", "ducha");
        pages.put("/public/", null);
        pages.put("/public/results", null);
        pages.put("/public/items", null);
        pages.put("/public/items?version=1", null);
        pages.put("/public/plans/" + planId, null);
        pages.put("/login", null);
        pages.put("/plans/999999", "fagui");
        pages.put("/页面不存在", "fagui");
        pages.put("/inspections/" + code + "?as=another-inspector", "zf003");

        for (var page : pages.entrySet()) {
            TestRestTemplate as = page.getValue() == null ? http : http.withBasicAuth(page.getValue(), "demo");
            org.springframework.http.HttpHeaders browser = new org.springframework.http.HttpHeaders();
            browser.setAccept(List.of(org.springframework.http.MediaType.TEXT_HTML));
            ResponseEntity<String> answer = as.exchange(page.getKey(), org.springframework.http.HttpMethod.GET,
                    new org.springframework.http.HttpEntity<>(browser), String.class);
            assertThat(answer.getBody()).as(page.getKey()).isNotBlank();
            assertThat(LatinWords.in(visibleText(answer.getBody()))).as(page.getKey() + " as " + page.getValue()).isEmpty();
            if (page.getKey().equals("/页面不存在")) {
                assertThat(answer.getBody()).as("the address as typed, not percent-encoded").contains("/页面不存在");
            }
        }
    }

    /** What a browser shows of a page: no tags, no scripts or styles, entities as characters. */
    static String visibleText(String html) {
        return html.replaceAll("(?is)<(script|style|head)[^>]*>.*?</\\1>", " ")
                .replaceAll("(?s)<[^>]*>", " ")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&quot;", "\"")
                .replaceAll("&#?\\w+;", " ");
    }
}
