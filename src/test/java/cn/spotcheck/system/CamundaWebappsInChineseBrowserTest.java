package cn.spotcheck.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.spotcheck.Browser;
import cn.spotcheck.SpotCheckIntegrationTest;

/**
 * A Chinese browser opening Tasklist, Cockpit and Admin sees them in Simplified Chinese under the bureau's
 * product name, without Camunda's English end-of-life banner. Screenshots land in target/screenshots/.
 */
@SpotCheckIntegrationTest
class CamundaWebappsInChineseBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void tasklistSpeaksChineseToAnInspector() throws Exception {
        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            page.get("http://localhost:" + port + "/camunda/app/tasklist/");
            WebElement user = browser.await().until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("form[name=signinForm] input[type=text]")));
            assertThat(user.getAttribute("placeholder")).isEqualTo("用户名");
            browser.screenshot("tasklist-login-zh-CN");

            logIn(browser, "zf001");
            browser.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-tasks], .tasks-list, .task-filters")));
            browser.await().until(d -> d.findElement(By.tagName("body")).getText().contains("任务"));
            String text = page.findElement(By.tagName("body")).getText();
            assertThat(text).doesNotContain("Camunda 8").doesNotContain("time to migrate").doesNotContain("Filters");
            assertNoVisibleEolBanner(page);
            assertThat(page.getTitle()).contains("任务列表");
            browser.screenshot("tasklist-zh-CN");
        }
    }

    /** A browser set to English (a borrowed laptop, an English system) still gets the platform in Chinese. */
    @Test
    void tasklistSpeaksChineseToABrowserAskingForEnglish() throws Exception {
        try (Browser browser = new Browser("en-US")) {
            WebDriver page = browser.driver();
            page.get("http://localhost:" + port + "/camunda/app/tasklist/");
            WebElement user = browser.await().until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("form[name=signinForm] input[type=text]")));
            assertThat(user.getAttribute("placeholder")).isEqualTo("用户名");

            logIn(browser, "zf001");
            browser.await().until(d -> d.findElement(By.tagName("body")).getText().contains("我的待办"));
            browser.await().until(d -> d.findElement(By.tagName("body")).getText().contains("请在列表中选择一个任务"));
            assertThat(page.findElement(By.tagName("body")).getText())
                    .contains("创建任务", "启动流程").doesNotContain("Create task", "Start process", "Keyboard", "Select a task", "Created");
            browser.screenshot("tasklist-en-US-browser");
        }
    }

    @Test
    void cockpitAndAdminSpeakChineseToTheAdministrator() throws Exception {
        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            page.get("http://localhost:" + port + "/camunda/app/cockpit/");
            browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name=signinForm] input[type=text]")));
            logIn(browser, "admin");
            browser.await().until(d -> d.findElement(By.tagName("body")).getText().contains("流程定义"));
            assertNoVisibleEolBanner(page);
            assertThat(page.findElement(By.tagName("body")).getText()).doesNotContain("Process Definitions");
            browser.screenshot("cockpit-zh-CN");

            page.get("http://localhost:" + port + "/camunda/app/admin/");
            browser.await().until(d -> d.findElement(By.tagName("body")).getText().contains("用户"));
            assertNoVisibleEolBanner(page);
            assertThat(page.findElement(By.tagName("body")).getText()).doesNotContain("Users").doesNotContain("Groups");
            browser.screenshot("admin-zh-CN");
        }
    }

    private static void logIn(Browser browser, String user) {
        WebDriver page = browser.driver();
        page.findElement(By.cssSelector("form[name=signinForm] input[type=text]")).sendKeys(user);
        page.findElement(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys("demo");
        page.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
        browser.await().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("form[name=signinForm]")));
    }

    private static void assertNoVisibleEolBanner(WebDriver page) {
        List<WebElement> banners = page.findElements(By.cssSelector(".ce-eol-banner"));
        assertThat(banners).allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());
    }
}
