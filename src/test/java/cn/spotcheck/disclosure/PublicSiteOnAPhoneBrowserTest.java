package cn.spotcheck.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.spotcheck.Browser;
import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;

/**
 * A citizen checks a draw on a phone: every public page keeps the phone's width (a wide table scrolls inside its own
 * box, a 64-character digest breaks), so nothing is cut off and the page never has to be dragged sideways.
 */
@SpotCheckIntegrationTest
class PublicSiteOnAPhoneBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyPublicPageFitsAPhonesWidth() throws Exception {
        long taskId = Fixtures.publishedTask(http, taskService, "JT-JP-01", List.of("驾驶员培训"), 0.05, "2026-04-01", "2026-10-31");
        runtimeService.startProcessInstanceByKey("spot-check-task", String.valueOf(taskId), Map.of("taskId", taskId));
        Fixtures.confirmAndDispatch(taskService, runtimeService, managementService, taskId);
        long drawId = jdbc.queryForObject("select d.draw_id from spotcheck.draw_task d where d.task_id = ?", Long.class, taskId);
        long planId = jdbc.queryForObject("select plan_id from spotcheck.spot_check_task where id = ?", Long.class, taskId);

        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            page.manage().window().setSize(new Dimension(390, 844));
            for (String path : List.of("/public/", "/public/draws/" + drawId, "/public/plans/" + planId, "/public/items",
                    "/public/results?q=长春")) {
                page.get("http://localhost:" + port + path);
                browser.await().until(d -> !d.findElements(By.tagName("h1")).isEmpty());
                long[] widths = widths(page);
                browser.screenshot("phone" + path.replaceAll("[^a-z0-9]+", "-"));
                assertThat(widths[0]).as(path + ": the page is no wider than the phone").isLessThanOrEqualTo(widths[1]);
            }
            page.get("http://localhost:" + port + "/public/draws/" + drawId);
            assertThat(page.findElement(By.tagName("body")).getText()).as("the digests are all there, broken, not cut")
                    .contains(jdbc.queryForObject("select digest from spotcheck.draw_record where id = ?", String.class, drawId).substring(0, 16));
        }
    }

    /** The document's width and the window's. */
    private static long[] widths(WebDriver page) {
        Object document = ((JavascriptExecutor) page).executeScript("return document.documentElement.scrollWidth;");
        Object window = ((JavascriptExecutor) page).executeScript("return document.documentElement.clientWidth;");
        return new long[] {((Number) document).longValue(), ((Number) window).longValue()};
    }
}
