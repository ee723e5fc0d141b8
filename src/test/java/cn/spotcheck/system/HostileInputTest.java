package cn.spotcheck.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;

/**
 * One request must not take the platform down or leak a 500: a zip bomb posted as a workbook, NUL characters in
 * a search or a name, a search fragment of 20,000 characters. Each gets a Chinese 4xx naming what is wrong, and
 * the platform keeps answering.
 */
@SpotCheckIntegrationTest
class HostileInputTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void aWorkbookThatInflatesToHundredsOfMegabytesIsRefusedAndThePlatformKeepsAnswering() throws Exception {
        // 120 MB of shared strings squeezed into a few hundred kilobytes.
        ResponseEntity<JsonNode> bomb = upload("targets.xlsx", zip("xl/sharedStrings.xml", 120L * 1024 * 1024));
        assertThat(bomb.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(bomb.getBody().get("message").asText()).contains("xl/sharedStrings.xml").contains("未导入");
        assertThat(bomb.getBody().get("errors").get(0).get("field").asText()).isEqualTo("file");

        ResponseEntity<JsonNode> ratio = upload("targets.xlsx", zip("xl/worksheets/sheet1.xml", 40L * 1024 * 1024));
        assertThat(ratio.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(ratio.getBody().get("message").asText()).contains("压缩比异常");

        assertThat(http.getForObject("/actuator/health", String.class)).contains("UP");
    }

    @Test
    void controlCharactersAreRefusedAtTheEdgeNamingTheField() {
        TestRestTemplate fagui = http.withBasicAuth("fagui", "demo");
        for (String path : new String[] {"/api/targets?q={q}", "/api/inspectors?q={q}", "/api/documents?reference={q}"}) {
            ResponseEntity<JsonNode> answer = fagui.getForEntity(path, JsonNode.class, "\u0000");
            assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody().get("message").asText()).contains("控制字符");
        }
        ResponseEntity<String> page = http.getForEntity("/public/results?q={q}", String.class, "\u0000");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(page.getBody()).contains("控制字符").doesNotContain("Exception");

        ResponseEntity<JsonNode> name = fagui.postForEntity("/api/targets", Map.of("uscc", "91220101MA0000000X",
                "name", "某\u0000公司", "category", "公路货运", "region", "朝阳区", "creditLevel", "B"), JsonNode.class);
        assertThat(name.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(name.getBody().get("errors").get(0).get("field").asText()).isEqualTo("name");
        ResponseEntity<JsonNode> title = fagui.postForEntity("/api/plans", Map.of("year", 2027, "department", "公路管理科",
                "title", "计划\u0001"), JsonNode.class);
        assertThat(title.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void anOverlongSearchIsAJsonRefusalNotTomcatsPage() {
        ResponseEntity<JsonNode> answer = http.withBasicAuth("fagui", "demo").getForEntity("/api/targets?q={q}", JsonNode.class,
                "a".repeat(20_000));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").get(0).get("field").asText()).isEqualTo("q");
        assertThat(answer.getBody().get("message").asText()).contains("过长");
    }

    @Test
    void aRequestTooLongForTheServerIsAnsweredInChineseNotTomcatsPage() {
        ResponseEntity<String> answer = http.withBasicAuth("fagui", "demo").getForEntity("/api/targets?q={q}", String.class,
                "长".repeat(20_000));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).contains("请求有误").doesNotContain("<html").doesNotContain("Apache Tomcat");
    }

    @Test
    void aNulInsideACsvCellIsDroppedNotAServerError() {
        String csv = "统一社会信用代码,名称,类别,区域,信用等级,标注,经营状态\n91220101MA84RHE09B,长春\u0000测试运输有限公司,公路货运,朝阳区,B,,在营\n";
        ResponseEntity<JsonNode> answer = upload("targets.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static byte[] zip(String entry, long inflatedBytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(entry));
            byte[] chunk = new byte[1 << 20];
            java.util.Arrays.fill(chunk, (byte) 'a');
            for (long written = 0; written < inflatedBytes; written += chunk.length) {
                zip.write(chunk);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private ResponseEntity<JsonNode> upload(String fileName, byte[] content) {
        return Fixtures.upload(http.withBasicAuth("fagui", "demo"), "/api/targets/import", fileName, content);
    }
}
