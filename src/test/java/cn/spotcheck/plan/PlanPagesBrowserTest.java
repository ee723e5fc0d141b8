package cn.spotcheck.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.spotcheck.Browser;
import cn.spotcheck.Tasklist;
import cn.spotcheck.SpotCheckIntegrationTest;

/**
 * 政策法规处 drafts a year's plan in the browser: new plan, two tasks (a third one breaking the ratio rule is refused
 * with the rule named and nothing saved), submit; the 法制 review then waits in Tasklist named after the plan.
 */
@SpotCheckIntegrationTest
class PlanPagesBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;

    @Test
    void aClerkDraftsAPlanWithTwoTasksAndSubmitsItFromThePages() throws Exception {
        String title = "2027 年度浏览器起草抽查计划 " + System.nanoTime();
        try (Browser browser = new Browser()) {
            WebDriver page = browser.openAs("http://localhost:" + port + "/plans?year=2027", "fagui");

            WebElement form = browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("new-plan")));
            new Select(form.findElement(By.name("department"))).selectByVisibleText("运输管理科");
            form.findElement(By.name("title")).sendKeys(title);
            form.findElement(By.cssSelector("button[type=submit]")).click();

            browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("new-task")));
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo(title);
            assertThat(page.findElement(By.id("plan-status")).getText()).isEqualTo("草稿");
            addTask(browser, "道路货物运输经营资质抽查", "JT-HY-01", "公路货运", "5");
            addTask(browser, "驾驶员培训机构教学质量抽查", "JT-JP-01", "驾驶员培训", "10");
            addTask(browser, "比例过高的任务", "JT-HY-02", "公路货运", "50");
            WebElement reasons = page.findElement(By.cssSelector("#new-task ul.errors"));
            assertThat(reasons.getText()).contains("比例");
            assertThat(page.switchTo().activeElement()).as("the page opens at the reasons, below the tasks").isEqualTo(reasons);
            assertThat((Boolean) ((JavascriptExecutor) page).executeScript(
                    "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", reasons))
                    .as("the reasons in view").isTrue();
            browser.screenshot("plan-task-refused");
            assertThat(browser.latinWordsIn("body")).as("plan-task-refused in Chinese").isEmpty();
            assertThat(page.findElements(By.cssSelector("table.tasks tbody tr"))).hasSize(2);
            assertThat(page.findElement(By.cssSelector("table.tasks")).getText())
                    .contains("道路货物运输经营资质抽查", "驾驶员培训机构教学质量抽查", "依据：");
            assertThat(page.findElement(By.cssSelector("table.tasks tbody tr td.forecast")).getText())
                    .as("what 5 % means in today's directory").contains("级：", "合计");

            page.findElement(By.id("submit-plan")).click();
            browser.await().until(d -> "审核中".equals(d.findElement(By.id("plan-status")).getText()));
            browser.screenshot("plan-submitted");
            assertThat(browser.latinWordsIn("body")).as("plan-submitted in Chinese").isEmpty();
        }
        List<Task> review = taskService.createTaskQuery().taskDefinitionKey("legalReview").taskNameLike("%" + title + "%").list();
        assertThat(review).hasSize(1);
        assertThat(review.get(0).getName()).isEqualTo("法制审核 · " + title);
        assertThat(review.get(0).getDueDate()).as("31 March").isNotNull();

        // 法制审核 and 市司法局审核 decide in Tasklist, reading the plan's tasks in the form.
        for (String[] reviewer : new String[][] {{"fazhi", "法制审核", "法制审核意见"}, {"sifa", "市司法局审核", "司法局审核意见"}}) {
            try (Browser browser = new Browser()) {
                Tasklist tasklist = Tasklist.loginAs(browser, port, reviewer[0]).openAndClaim("本部门待办", title);
                assertThat(tasklist.form()).contains("道路货物运输经营资质抽查", "驾驶员培训机构教学质量抽查", "JT-HY-01", "5 %", "预计抽取");
                browser.screenshot("tasklist-review-" + reviewer[0]);
                assertThat(browser.latinWordsIn(".fjs-form")).as(reviewer[1] + " form in Chinese").isEmpty();
                tasklist.tick("审核通过").type(reviewer[2], "同意").complete();
                try {
                    browser.await().until(d -> taskService.createTaskQuery().taskNameLike(reviewer[1] + " · " + title).count() == 0);
                } finally {
                    browser.screenshot("tasklist-review-" + reviewer[0] + "-completed");
                }
            }
        }
        try (Browser browser = new Browser()) {
            WebDriver page = browser.openAs("http://localhost:" + port + "/plans?year=2027", "fagui");
            // Under a full build's load the list may still be loading when the login redirect returns.
            browser.await().until(d -> !d.findElements(By.linkText(title)).isEmpty());
            page.findElement(By.linkText(title)).click();
            browser.await().until(d -> "已发布".equals(d.findElement(By.id("plan-status")).getText()));
            assertThat(page.findElement(By.cssSelector("table.reviews")).getText()).contains("fazhi", "sifa", "通过", "同意");
            browser.screenshot("plan-published");
        }
    }

    private static void addTask(Browser browser, String name, String item, String category, String percent) {
        WebDriver page = browser.driver();
        WebElement form = page.findElement(By.id("new-task"));
        WebElement nameField = form.findElement(By.name("name"));
        nameField.clear();
        nameField.sendKeys(name);
        Select items = new Select(form.findElement(By.name("itemCodes")));
        items.deselectAll();
        items.selectByValue(item);
        Select categories = new Select(form.findElement(By.name("categories")));
        categories.deselectAll();
        categories.selectByValue(category);
        WebElement ratio = form.findElement(By.name("ratioPercent"));
        ratio.clear();
        ratio.sendKeys(percent);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("new-task")));
    }
}
