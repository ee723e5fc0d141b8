package cn.spotcheck.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.Browser;
import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;
import cn.spotcheck.Tasklist;

/**
 * An inspection from the inspector's 我的待办 to the public record, all with the mouse: the inspector finds it by
 * the company's name, records the visit and the result in Tasklist, the forms naming whom and what; 政策法规处
 * reviews and publishes it, reading the result and where the evidence is; the record page shows it published.
 */
@SpotCheckIntegrationTest
class InspectionWalkBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    Inspections inspections;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anInspectorRecordsTheVisitAndTheResultAndTheLegalStaffPublishIt() throws Exception {
        long taskId = Fixtures.publishedTask(http, taskService, "JT-HY-01", List.of("公路货运"), 0.05);
        long targetId = Fixtures.someTarget(http, "公路货运");
        String company = http.withBasicAuth("fagui", "demo").getForObject("/api/targets/" + targetId, JsonNode.class).get("name").asText();
        String code = "JC-WALK-" + System.nanoTime();
        Fixtures.startInspection(runtimeService, code, taskId, targetId, "JT-HY-01", "zf001", "zf002");
        ClockUtil.setCurrentTime(Timestamp.valueOf("2027-05-20 09:00:00"));

        try (Browser browser = new Browser()) {
            Tasklist tasklist = Tasklist.loginAs(browser, port, "zf001").openAndClaim("我的待办", "现场检查 · " + company + "（" + code + "）");
            assertThat(tasklist.form()).contains(company, "地址", "检查通知书", "执法证号");
            tasklist.type("检查日期", "2027-05-18").chooseNth("到场执法人员（一）", 0).chooseNth("到场执法人员（二）", 1)
                    .type("检查地点", "企业经营场所").type("现场检查记录", "查验道路运输证、车辆技术档案，未见异常");
            browser.screenshot("walk-on-site-filled");
            assertThat(browser.latinWordsIn(".fjs-form")).as("现场检查 in Chinese").isEmpty();
            tasklist.complete();
            awaitStep(browser, code, "resultEntry");

            tasklist.openAndClaim("我的待办", "结果录入 · " + company + "（" + code + "）");
            tasklist.choose("检查结果", "未发现问题").type("发现的问题", "无").type("检查结束日期", "2027-05-18");
            tasklist.complete();
            awaitStep(browser, code, "publishResult");
        }
        try (Browser browser = new Browser()) {
            Tasklist tasklist = Tasklist.loginAs(browser, port, "fagui").openAndClaim("本部门待办", "审核公示检查结果 · " + company + "（" + code + "）");
            assertThat(tasklist.form()).contains(company, "证据材料", "检查记录");
            assertThat(tasklist.field("检查结果").findElement(By.tagName("input")).getAttribute("value")).isEqualTo("未发现问题");
            browser.screenshot("walk-publication-review");
            assertThat(browser.latinWordsIn(".fjs-form")).as("审核公示 in Chinese").isEmpty();
            tasklist.tick("同意公示").complete();
            browser.await().withTimeout(Duration.ofSeconds(30)).until(d -> inspections.get(code).publishedAt() != null);

            WebDriver page = browser.openAs("http://localhost:" + port + "/inspections/" + code, "fagui");
            browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("inspection-status")));
            assertThat(page.findElement(By.id("record")).getText()).contains("已公示", "未发现问题", "2027-05-18，到场", "2027-05-27")
                    .as("dates read YYYY-MM-DD everywhere").doesNotContain("2027/5/");
            browser.screenshot("walk-record-published");
        }
    }

    private void awaitStep(Browser browser, String code, String step) {
        browser.await().withTimeout(Duration.ofSeconds(30)).until(d -> taskService.createTaskQuery()
                .processInstanceBusinessKey(code).taskDefinitionKey(step).count() == 1);
    }
}
