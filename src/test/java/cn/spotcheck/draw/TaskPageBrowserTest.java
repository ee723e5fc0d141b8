package cn.spotcheck.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.spotcheck.Browser;
import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;
import cn.spotcheck.inspection.InspectionView;
import cn.spotcheck.inspection.Inspections;

/**
 * A task's page through its year: 政策法规处 starts the draw from it; once confirmed and dispatched, the supervision
 * group reads the draw with a verification that holds, the drawn targets with their inspectors by name, the
 * 任务台账 with a result not published in time marked, and on its own page that result overdue and another one due
 * within three working days.
 */
@SpotCheckIntegrationTest
class TaskPageBrowserTest {

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
    Inspections inspections;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aTaskIsDrawnFromItsPageAndItsLedgerShowsWhatIsOverdue() throws Exception {
        long taskId = Fixtures.publishedTask(http, taskService, "JT-WX-01", List.of("机动车维修"), 0.03);
        ClockUtil.setCurrentTime(Timestamp.valueOf("2027-06-01 09:00:00"));
        try (Browser browser = new Browser()) {
            WebDriver page = login(browser, taskId, "fagui");
            page.findElement(By.id("start-draw")).click();
            browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("verification")));
            assertThat(page.findElement(By.id("draw-facts")).getText()).contains("待确认公布");
            assertThat(page.findElement(By.id("verification")).getText()).startsWith("一致");
            assertThat(page.findElements(By.id("start-draw"))).isEmpty();
            assertThat(page.findElement(By.tagName("nav")).getText()).contains("导入").doesNotContain("督查考核");
            browser.screenshot("task-drawn");
            assertThat(browser.latinWordsIn("body")).as("task-drawn in Chinese").isEmpty();
        }

        Fixtures.confirmAndDispatch(taskService, runtimeService, managementService, taskId);
        InspectionView late = inspections.ofTask(taskId).get(0);
        complete(late, "onSiteInspection", Map.of("inspectionDate", "2027-05-20", "onSiteNotes", "查验维修台账"));
        complete(late, "resultEntry", Map.of("resultCategory", "未发现问题", "findings", "无", "inspectionEndDate", "2027-05-20"));
        InspectionView soon = inspections.ofTask(taskId).get(1);
        complete(soon, "onSiteInspection", Map.of("inspectionDate", "2027-05-24", "onSiteNotes", "查验维修台账"));
        complete(soon, "resultEntry", Map.of("resultCategory", "未发现问题", "findings", "无", "inspectionEndDate", "2027-05-24"));
        int dispatched = inspections.countOf(taskId);

        try (Browser browser = new Browser()) {
            WebDriver page = login(browser, taskId, "ducha");
            browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("verification")));
            assertThat(page.findElement(By.id("verification")).getText()).startsWith("一致");
            assertThat(page.findElement(By.id("draw-facts")).getText()).contains("随机种子", "已公布");
            page.findElement(By.id("verify-now")).click();
            browser.await().until(d -> d.getCurrentUrl().contains("verify=now"));
            assertThat(page.findElement(By.id("verification")).getText()).as("recomputed on demand").startsWith("一致");
            assertThat(page.findElements(By.cssSelector("table.drawn tbody tr"))).hasSize(Math.min(dispatched, TaskPages.PAGE_SIZE));
            assertThat(page.findElement(By.cssSelector("table.drawn tbody tr")).getText()).matches("(?s).*（zf\\d{3}）.*");
            assertThat(page.findElements(By.cssSelector("table.ledger tbody tr"))).hasSize(Math.min(dispatched, TaskPages.PAGE_SIZE));
            assertThat(page.findElement(By.cssSelector("table.ledger tr.overdue")).getText()).contains(late.code(), "逾期", "未发现问题");
            assertThat(page.findElements(By.id("start-draw"))).as("only the legal staff start draws").isEmpty();
            browser.screenshot("task-ledger");
            assertThat(browser.latinWordsIn("body")).as("task-ledger in Chinese").isEmpty();

            page.get("http://localhost:" + port + "/supervision");
            browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.overdue-items")));
            assertThat(page.findElements(By.cssSelector("table.overdue-items")).stream().map(t -> t.getText()).toList())
                    .anySatisfy(table -> assertThat(table).contains(late.code(), "1 天"));
            assertThat(page.findElement(By.tagName("main")).getText()).contains("检查结果未在公示期限内公示");
            // Ended Monday 24 May: due on the 7th working day, Wednesday 2 June, the next working day.
            assertThat(page.findElement(By.cssSelector("table.soon-items")).getText()).contains(soon.code(), "2027-06-02", "还剩 1 天")
                    .doesNotContain(late.code());
            assertThat(page.findElement(By.tagName("nav")).getText()).contains("督查考核").doesNotContain("导入");
            browser.screenshot("supervision-overdue");
            assertThat(browser.latinWordsIn("body")).as("supervision-overdue in Chinese").isEmpty();

            // One inspector's overdue items only.
            String other = inspections.ofTask(taskId).stream().flatMap(i -> i.inspectorStaffNos().stream())
                    .filter(s -> !late.inspectorStaffNos().contains(s)).findFirst().orElseThrow();
            page.get("http://localhost:" + port + "/supervision?inspector=" + late.inspectorStaffNos().get(0));
            assertThat(page.findElement(By.tagName("main")).getText()).contains(late.code());
            page.get("http://localhost:" + port + "/supervision?inspector=" + other);
            assertThat(page.findElement(By.tagName("main")).getText()).doesNotContain(late.code());
        }

        // The whole ledger as a spreadsheet: a row per inspection, the overdue one marked, the follow-up column too.
        ResponseEntity<byte[]> export = http.withBasicAuth("ducha", "demo").getForEntity("/tasks/" + taskId + "/ledger.xlsx", byte[].class);
        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new java.io.ByteArrayInputStream(export.getBody()))) {
            List<List<String>> rows = workbook.getFirstSheet().read().stream()
                    .map(r -> r.stream().map(c -> c == null ? "" : c.getText()).toList()).toList();
            assertThat(rows.get(0)).contains("检查编号", "执法检查人员", "公示期限", "后续处置");
            assertThat(rows).hasSize(dispatched + 1);
            assertThat(rows).anySatisfy(r -> assertThat(r).contains(late.code(), "逾期", "未发现问题"));
        }
        try (Browser browser = new Browser()) {
            WebDriver page = login(browser, taskId, late.inspectorStaffNos().get(0));
            assertThat(page.findElement(By.tagName("nav")).getText()).doesNotContain("导入", "督查考核", "运行监控").contains("任务列表");
            assertThat(page.findElement(By.tagName("main")).getText()).as("a published draw is public").contains("随机种子");
            page.get("http://localhost:" + port + "/supervision");
            browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("无权访问");
        }
    }

    private WebDriver login(Browser browser, long taskId, String user) {
        WebDriver page = browser.openAs("http://localhost:" + port + "/tasks/" + taskId, user);
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.ledger")));
        return page;
    }

    private void complete(InspectionView inspection, String step, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(inspection.code()).taskDefinitionKey(step).singleResult();
        taskService.complete(task.getId(), variables);
    }
}
