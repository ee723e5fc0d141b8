package cn.spotcheck.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;
import cn.spotcheck.disclosure.ResultPublicityNotice;
import cn.spotcheck.inspection.InspectionView;
import cn.spotcheck.inspection.Inspections;

/**
 * An officer prints the inspection notice or sends it to the target as PDF: the same text as the HTML it was issued
 * as, in Chinese with the font embedded, its 文号 included, saved under its title; not for another inspection's officer.
 */
@SpotCheckIntegrationTest
class DocumentPdfTest {

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
    @Autowired
    Documents documents;

    @Test
    void theNoticeAsPdfReadsAsTheIssuedNotice() throws Exception {
        long taskId = Fixtures.publishedTask(http, taskService, "JT-WX-01", List.of("机动车维修"), 0.03);
        runtimeService.startProcessInstanceByKey("spot-check-task", String.valueOf(taskId), Map.of("taskId", taskId));
        Fixtures.confirmAndDispatch(taskService, runtimeService, managementService, taskId);
        InspectionView inspection = inspections.ofTask(taskId).get(0);
        String own = inspection.inspectorStaffNos().get(0);
        String other = Fixtures.inspectorNotOn(inspection.inspectorStaffNos());

        JsonNode notice = http.withBasicAuth(own, "demo").getForObject("/api/documents?reference=" + inspection.code(), JsonNode.class).get(0);
        String url = "/api/documents/" + notice.get("id").asLong() + "/pdf";
        ResponseEntity<byte[]> pdf = http.withBasicAuth(own, "demo").getForEntity(url, byte[].class);

        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(pdf.getHeaders().getContentDisposition().getFilename()).isEqualTo(notice.get("title").asText() + ".pdf");
        String html = http.withBasicAuth(own, "demo").getForObject("/api/documents/" + notice.get("id").asLong(), String.class);
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).as("word for word the notice as issued").isEqualTo(Jsoup.parse(html).body().text().replaceAll("\\s+", ""));
            assertThat(text).contains("长春市交通运输局", "检查通知书");
            assertThat(text).as("its 文号").containsPattern("〔\\d{4}〕\\d+号");
            assertThat(document.getPage(0).getMediaBox().getWidth()).as("A4").isBetween(594f, 596f);
            File png = new File("target/screenshots/document-notice-pdf.png");
            png.getParentFile().mkdirs();
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 100), "png", png);
        }

        assertThat(http.withBasicAuth(other, "demo").getForEntity(url, byte[].class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth(own, "demo").getForEntity("/api/documents/999999999/pdf", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aNoticeOfThousandsOfRowsIsPrintedFromTheBrowserNotLaidOutOnTheServer() {
        List<ResultPublicityNotice.Row> rows = java.util.stream.IntStream.range(0, 3_000).mapToObj(i -> new ResultPublicityNotice.Row(
                "长春第" + i + "运输有限公司", "91220100MA" + String.format("%08d", i), "道路货物运输经营者经营资质检查", "未发现问题", "2027-05-10")).toList();
        IssuedDocument big = documents.issue("result-publicity", "task:0", "抽查结果公示 测试任务", Map.of("taskName", "测试任务",
                "taskStart", "2027-04-01", "taskEnd", "2027-10-31", "itemNames", "道路货物运输经营者经营资质检查", "rows", rows,
                "byCategory", Map.of("未发现问题", rows.size())));

        ResponseEntity<String> pdf = http.withBasicAuth("fagui", "demo").getForEntity("/api/documents/" + big.id() + "/pdf", String.class);

        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(pdf.getBody()).contains("篇幅过长", "网页版");
        assertThat(http.withBasicAuth("fagui", "demo").getForObject("/api/documents/" + big.id(), String.class)).contains("长春第2999运输有限公司");
    }
}
