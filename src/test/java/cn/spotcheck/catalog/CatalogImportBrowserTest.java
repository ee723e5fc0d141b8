package cn.spotcheck.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.spotcheck.Browser;
import cn.spotcheck.SpotCheckIntegrationTest;

/** A clerk of 政策法规处 logs in, imports the bureau's spreadsheet through the page and reads the report. */
@SpotCheckIntegrationTest
class CatalogImportBrowserTest {

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    @Test
    void importsASpreadsheetThroughThePageAndSeesTheReport() throws Exception {
        String good = DemoDirectory.uscc("91", "220104", 880_001);
        String other = DemoDirectory.uscc("91", "220104", 880_002);
        String bad = good.substring(0, 17) + (good.charAt(17) == 'A' ? 'B' : 'A');
        Path file = dir.resolve("检查对象名录.xlsx");
        Files.write(file, CatalogImportTest.xlsx(CatalogImportTest.TARGET_HEADER, List.of(
                List.of(good, "长春浏览器导入物流有限公司", "公路货运", "朝阳区", "B", "新设立", "在营"),
                List.of(other, "长春浏览器导入驾驶员培训学校", "驾驶员培训", "朝阳区", "A", "", "在营"),
                List.of(bad, "校验码错误公司", "公路货运", "朝阳区", "B", "", "在营"))));

        try (Browser browser = new Browser()) {
            String base = "http://localhost:" + port;
            WebDriver page = browser.openAs(base + "/catalog/import", "fagui");

            browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.name("register")));
            new Select(page.findElement(By.name("register"))).selectByValue("targets");
            page.findElement(By.cssSelector("input[type=file]")).sendKeys(file.toAbsolutePath().toString());
            page.findElement(By.id("import-submit")).click();

            browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("import-report")));
            assertThat(page.findElement(By.cssSelector("#import-report .imported")).getText()).isEqualTo("2");
            assertThat(page.findElement(By.cssSelector("#import-report .rejected-rows")).getText()).isEqualTo("1");
            String rejected = page.findElement(By.cssSelector("table.rejected")).getText();
            assertThat(rejected).contains("4").contains("统一社会信用代码").contains("第 18 位校验码");
            browser.screenshot("catalog-import-report");

            page.get(base + "/catalog/targets?q=浏览器导入");
            browser.await().until(d -> d.findElement(By.tagName("body")).getText().contains("长春浏览器导入物流有限公司"));
            assertThat(page.findElement(By.cssSelector("table.grid")).getText()).contains("长春浏览器导入驾驶员培训学校");
            browser.screenshot("catalog-targets");
        }
    }
}
