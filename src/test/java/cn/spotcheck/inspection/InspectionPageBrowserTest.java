package cn.spotcheck.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.spotcheck.Browser;
import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;
import cn.spotcheck.system.ApiException;

/**
 * An inspection's record page as its inspector uses it: the target, the team and the notice; a photo from the
 * 执法记录仪 attached and listed; a text file dressed as a photo refused with the reason. An inspector not on the
 * team is refused the page; 政策法规处 reads it but attaches nothing.
 */
@SpotCheckIntegrationTest
class InspectionPageBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    EvidenceFiles evidence;

    @Test
    void anInspectorAttachesAPhotoToTheirInspectionAndOthersCannot() throws Exception {
        long taskId = Fixtures.publishedTask(http, taskService, "JT-HY-01", List.of("公路货运"), 0.05);
        long targetId = Fixtures.someTarget(http, "公路货运");
        String code = "JC-PAGE-" + System.nanoTime();
        Fixtures.startInspection(runtimeService, code, taskId, targetId, "JT-HY-01", "zf001", "zf002");
        String url = "http://localhost:" + port + "/inspections/" + code;
        Path photo = Files.createTempFile("执法记录仪截图", ".png");
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "png", photo.toFile());
        Path fake = Files.createTempFile("伪装的照片", ".png");
        Files.writeString(fake, "这不是图片", StandardCharsets.UTF_8);

        try (Browser browser = new Browser()) {
            WebDriver page = browser.openAs(url, "zf001");
            browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("record")));
            String record = page.findElement(By.id("record")).getText();
            assertThat(record).contains("检查对象", "地址", "JT-HY-01", "执法证号", "待现场检查");
            assertThat(page.findElements(By.cssSelector("table.documents a"))).extracting(a -> a.getText())
                    .anyMatch(t -> t.startsWith("随机抽查检查通知书"));

            page.findElement(By.cssSelector("#add-evidence input[type=file]")).sendKeys(photo.toString());
            page.findElement(By.cssSelector("#add-evidence input[name=note]")).sendKeys("执法记录仪截图：车辆技术档案");
            page.findElement(By.cssSelector("#add-evidence button")).click();
            browser.await().until(d -> d.findElement(By.cssSelector(".flash")).getText().contains("已上传证据材料"));
            assertThat(page.findElement(By.cssSelector("table.evidence")).getText()).contains("执法记录仪截图：车辆技术档案", "zf001");
            browser.screenshot("inspection-record-with-evidence");
            assertThat(browser.latinWordsIn("main")).as("the record page in Chinese").isEmpty();

            page.findElement(By.cssSelector("#add-evidence input[type=file]")).sendKeys(fake.toString());
            page.findElement(By.cssSelector("#add-evidence button")).click();
            browser.await().until(d -> d.findElement(By.cssSelector(".flash.error")).getText().contains("只接受 JPG、PNG 图片或 PDF 文件"));
            assertThat(evidence.of(code)).as("nothing half-written").hasSize(1);
        }

        byte[] tooLarge = new byte[EvidenceFiles.MAX_BYTES + 1];
        tooLarge[0] = (byte) 0xFF;
        tooLarge[1] = (byte) 0xD8;
        tooLarge[2] = (byte) 0xFF;
        assertThatThrownBy(() -> evidence.add(code, "大照片.jpg", tooLarge, null, "zf001")).isInstanceOf(ApiException.class)
                .hasMessage("证据文件：单个文件不得超过 10 MB")
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE));
        assertThat(evidence.of(code)).as("nothing stored").hasSize(1);

        EvidenceFiles.EvidenceFile stored = evidence.of(code).get(0);
        ResponseEntity<byte[]> download = http.withBasicAuth("fagui", "demo")
                .getForEntity("/inspections/" + code + "/evidence/" + stored.id(), byte[].class);
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.getBody()).isEqualTo(Files.readAllBytes(photo));

        try (Browser browser = new Browser()) {
            WebDriver page = browser.openAs(url, "zf003");
            browser.await().until(d -> d.findElement(By.tagName("body")).getText().contains("不是您参与的检查"));
            browser.screenshot("inspection-record-refused-to-another-inspector");
        }
        assertThat(http.withBasicAuth("zf003", "demo").getForEntity("/inspections/" + code + "/evidence/" + stored.id(), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        try (Browser browser = new Browser()) {
            WebDriver page = browser.openAs(url, "fagui");
            browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("record")));
            assertThat(page.findElements(By.id("add-evidence"))).as("staff read the record; only its team adds evidence").isEmpty();
            assertThat(page.findElement(By.cssSelector("table.evidence")).getText()).contains(stored.fileName());
            assertThat(browser.latinWordsIn("body")).as("the whole page, navigation included").isEmpty();
        }
    }
}
