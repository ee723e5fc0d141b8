package cn.spotcheck.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.spotcheck.Browser;
import cn.spotcheck.Tasklist;
import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;

/**
 * A drawn inspector logs in to Tasklist, finds the result entry of their inspection under 我的待办, claims it, fills
 * the Camunda Form (a result category is required) and completes it; the task leaves the list.
 */
@SpotCheckIntegrationTest
class ResultEntryInTasklistBrowserTest {

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

    @Test
    void anOfficerCompletesTheResultEntryThroughTheForm() throws Exception {
        InspectionView inspection = inspectionAwaitingResult();
        String inspector = inspection.inspectorStaffNos().get(0);

        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            Tasklist tasklist = Tasklist.loginAs(browser, port, inspector).openAndClaim("我的待办", "结果录入");
            browser.screenshot("tasklist-result-entry-form");
            // The form says whom and what the result is about: the target, its items, the team, the notice.
            String brief = page.findElement(By.cssSelector(".fjs-form")).getText();
            assertThat(brief).contains("检查对象", "地址", "检查事项", "执法检查人员", "检查通知书");
            assertThat(page.findElements(By.linkText("检查通知书"))).singleElement()
                    .satisfies(link -> assertThat(link.getAttribute("href")).contains("/api/documents/"));

            // Completing without a result category is refused by the form.
            tasklist.complete();
            browser.await().until(d -> !d.findElements(By.cssSelector(".fjs-form-field-error, .fjs-has-errors")).isEmpty());
            // ... in Chinese, as is the empty choice.
            browser.await().until(d -> d.findElement(By.cssSelector(".fjs-form")).getText().contains("此项必填"));
            assertThat(browser.latinWordsIn(".fjs-form")).as("the form in Chinese, its own messages too").isEmpty();
            assertThat(taskService.createTaskQuery().processInstanceBusinessKey(inspection.code()).taskDefinitionKey("resultEntry").count())
                    .isEqualTo(1);

            // The receiving authority is asked for only when the result hands the case over or refers it.
            assertThat(receivingUnitShown(page)).as("before a result is chosen").isFalse();
            tasklist.choose("检查结果", "违法违规行为已移交其他部门处理");
            browser.await().until(d -> receivingUnitShown(d));
            assertThat(tasklist.field("接收单位").getText()).contains("*", "移交函或移送书的收件机关");
            tasklist.choose("检查结果", "发现问题已责令改正");
            browser.await().until(d -> !receivingUnitShown(d));
            page.findElement(By.cssSelector(".fjs-form textarea[id$=findings]")).sendKeys("车辆技术档案缺少二级维护记录");
            WebElement date = tasklist.field("检查结束日期").findElement(By.tagName("input"));
            ((org.openqa.selenium.JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView({block: 'center'});", date);
            date.click();
            // The platform has form-js show and read dates as YYYY-MM-DD, whatever the browser's language.
            assertThat(date.getAttribute("placeholder")).isEqualTo("yyyy-mm-dd");
            date.sendKeys("2026-05-12", Keys.ENTER);
            date.sendKeys(Keys.TAB);
            browser.screenshot("tasklist-result-entry-filled");
            tasklist.complete();

            browser.await().withTimeout(Duration.ofSeconds(30)).until(d -> taskService.createTaskQuery()
                    .processInstanceBusinessKey(inspection.code()).taskDefinitionKey("resultEntry").count() == 0);
            browser.await().until(d -> d.findElements(By.cssSelector(".tasks-list li")).stream().noneMatch(li -> li.getText().contains("结果录入")
                    && li.getText().contains(inspection.code())));
            browser.screenshot("tasklist-after-result-entry");
        }
        InspectionView after = inspections.get(inspection.code());
        assertThat(after.resultCategory()).isEqualTo("发现问题已责令改正");
        assertThat(after.inspectionEndDate()).hasToString("2026-05-12");
        assertThat(after.publicationDueDate()).as("7 working days after 2026-05-12").hasToString("2026-05-21");
    }

    private static boolean receivingUnitShown(WebDriver page) {
        return page.findElements(By.cssSelector(".fjs-form .fjs-form-field")).stream().anyMatch(f -> f.getText().startsWith("接收单位"));
    }

    /** A drawn, confirmed and dispatched task whose first inspection has its on-site visit done. */
    private InspectionView inspectionAwaitingResult() {
        long taskId = Fixtures.publishedTask(http, taskService, "JT-SY-01", List.of("水路运输"), 0.05, "2026-04-01", "2026-10-31");
        runtimeService.startProcessInstanceByKey("spot-check-task", String.valueOf(taskId), Map.of("taskId", taskId));
        Fixtures.confirmAndDispatch(taskService, runtimeService, managementService, taskId);
        InspectionView inspection = inspections.ofTask(taskId).get(0);
        Task onSite = taskService.createTaskQuery().processInstanceBusinessKey(inspection.code()).taskDefinitionKey("onSiteInspection").singleResult();
        taskService.complete(onSite.getId(), Map.of("inspectionDate", "2026-05-12", "onSiteNotes", "船舶证书齐全"));
        return inspection;
    }
}
