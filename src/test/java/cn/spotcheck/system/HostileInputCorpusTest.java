package cn.spotcheck.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;

/**
 * The hostile-input corpus as a regression suite, over the write edges of the directories and the plans: each
 * input is refused with a 4xx and a Chinese message naming the field (or stored as the plain text it is, and shown
 * and exported as text), and the tables hold as many rows after the corpus as before it.
 */
@SpotCheckIntegrationTest
class HostileInputCorpusTest {

    private static final String SCRIPT = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void malformedRequestsAreRefusedNamingTheFieldAndStoreNothing() {
        Map<String, Long> before = counts();
        List<String> problems = new ArrayList<>();

        refused(problems, "wrong JSON type for a text", post("/api/targets", "{\"uscc\":\"" + Fixtures.uscc(7501)
                + "\",\"name\":{\"x\":1},\"category\":\"公路货运\",\"region\":\"朝阳区\",\"creditLevel\":\"B\"}"), "name");
        refused(problems, "wrong JSON type for a number", post("/api/plans", "{\"year\":\"二〇二七\",\"department\":\"公路管理科\",\"title\":\"计划\"}"), "year");
        refused(problems, "a list for a number", post("/api/plans", "{\"year\":[2027],\"department\":\"公路管理科\",\"title\":\"计划\"}"), "year");
        refused(problems, "year 0", post("/api/plans", "{\"year\":0,\"department\":\"公路管理科\",\"title\":\"计划\"}"), "year");
        refused(problems, "year 99999", post("/api/plans", "{\"year\":99999,\"department\":\"公路管理科\",\"title\":\"计划\"}"), "year");
        refused(problems, "deeply nested JSON", post("/api/plans", "[".repeat(5000) + "]".repeat(5000)), null);
        refused(problems, "not JSON at all", post("/api/plans", "year=2027"), null);
        ResponseEntity<JsonNode> textPlain = http.withBasicAuth("fagui", "demo").exchange("/api/plans", HttpMethod.POST,
                new HttpEntity<>("{\"year\":2027}", headers(MediaType.TEXT_PLAIN)), JsonNode.class);
        refused(problems, "text/plain", textPlain, null);

        long plan = http.withBasicAuth("fagui", "demo").postForEntity("/api/plans", Map.of("year", 2029, "department", "运输管理科",
                "title", "恶意输入测试计划"), JsonNode.class).getBody().get("id").asLong();
        before = counts();
        String tasks = "/api/plans/" + plan + "/tasks";
        refused(problems, "impossible date", post(tasks, task("\"2029-02-30\"", "0.05")), "start");
        refused(problems, "a date of another shape", post(tasks, task("\"2029/03/01\"", "0.05")), "start");
        refused(problems, "NaN ratio", post(tasks, task("\"2029-03-01\"", "\"NaN\"")), "ratio");
        refused(problems, "negative ratio", post(tasks, task("\"2029-03-01\"", "-0.1")), "ratio");
        refused(problems, "ratio over 1", post(tasks, task("\"2029-03-01\"", "1.5")), "ratio");
        refused(problems, "ratio as text", post(tasks, task("\"2029-03-01\"", "\"百分之五\"")), "ratio");

        assertThat(problems).isEmpty();
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void scriptAndFormulasStayTextOnPagesAndInExports() throws Exception {
        String formula = "=HYPERLINK(\"http://example.com\",\"点击\")";
        ResponseEntity<JsonNode> created = http.withBasicAuth("fagui", "demo").postForEntity("/api/targets", Map.of("uscc", Fixtures.uscc(7502),
                "name", formula + "运输公司", "category", "公路货运", "region", SCRIPT, "creditLevel", "B"), JsonNode.class);
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        long id = created.getBody().get("id").asLong();

        String page = http.withBasicAuth("zf001", "demo").getForObject("/catalog/targets/" + id, String.class);
        assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x").contains("&lt;script&gt;");
        String list = http.withBasicAuth("zf001", "demo").getForObject("/catalog/targets?q={q}", String.class, Fixtures.uscc(7502));
        assertThat(list).doesNotContain("<script>alert").contains("&lt;script&gt;");

        byte[] export = http.withBasicAuth("fagui", "demo").getForObject("/api/targets/export?q={q}", byte[].class, Fixtures.uscc(7502));
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(export), new ReadingOptions(true, false))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(2);
            Optional<Cell> name = rows.get(1).stream().filter(c -> c != null && c.getText().startsWith("=HYPERLINK")).findFirst();
            assertThat(name).as("the name, as text").isPresent();
            assertThat(name.get().getType()).isEqualTo(CellType.STRING);
            assertThat(name.get().getFormula()).isNull();
            assertThat(numberFormatOf(export, name.get().getAddress().toString())).as("formatted as text, so that editing the cell does not run it")
                    .isEqualTo("@");
            assertThat(rows.get(1).stream().filter(c -> c != null && c.getText().equals(SCRIPT)).count()).isEqualTo(1);
        }
    }

    @Test
    void aHundredMegabyteUploadIsRefusedInChinese() throws Exception {
        Map<String, Long> before = counts();
        ResponseEntity<JsonNode> answer = Fixtures.upload(http.withBasicAuth("fagui", "demo"), "/api/targets/import", "名录.csv",
                new byte[100 * 1024 * 1024]);
        assertThat(answer.getStatusCode().value()).as(answer.getHeaders().toString()).isEqualTo(413);
        assertThat(answer.getBody()).as(answer.getHeaders().toString()).isNotNull();
        assertThat(answer.getBody().get("message").asText()).contains("上传文件过大");
        // As a browser sends it, with its length announced: refused before it is read.
        byte[] multipart = ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n" + "x".repeat(100 * 1024 * 1024)
                + "\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8);
        java.net.http.HttpResponse<String> announced = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(http.getRootUri() + "/api/targets/import"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("fagui:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(multipart)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(announced.statusCode()).isEqualTo(413);
        assertThat(announced.body()).contains("上传文件过大").contains("\"field\":\"file\"");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void gbkAndBomCsvFilesAreReadAsChinese() {
        String csv = "统一社会信用代码,名称,类别,区域,信用等级,标注,经营状态\n" + Fixtures.uscc(7503) + ",长春恶意输入测试物流有限公司,公路货运,朝阳区,B,,在营\n";
        ResponseEntity<JsonNode> gbk = Fixtures.upload(http.withBasicAuth("fagui", "demo"), "/api/targets/import", "名录-gbk.csv",
                csv.getBytes(Charset.forName("GBK")));
        assertThat(gbk.getStatusCode().value()).isEqualTo(200);
        String bomCsv = "\uFEFF" + csv.replace(Fixtures.uscc(7503), Fixtures.uscc(7504)).replace("长春", "吉林");
        ResponseEntity<JsonNode> bom = Fixtures.upload(http.withBasicAuth("fagui", "demo"), "/api/targets/import", "名录-bom.csv",
                bomCsv.getBytes(StandardCharsets.UTF_8));
        assertThat(bom.getStatusCode().value()).isEqualTo(200);
        assertThat(jdbc.queryForList("select name from spotcheck.target where uscc in (?, ?) order by name", String.class,
                Fixtures.uscc(7503), Fixtures.uscc(7504))).containsExactly("吉林恶意输入测试物流有限公司", "长春恶意输入测试物流有限公司");
    }

    /** The number format of a cell as the workbook's XML gives it: the cell's style, that style's format. */
    private static String numberFormatOf(byte[] xlsx, String cell) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("export", ".xlsx");
        java.nio.file.Files.write(file, xlsx);
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            String sheet = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(), StandardCharsets.UTF_8);
            String styles = new String(zip.getInputStream(zip.getEntry("xl/styles.xml")).readAllBytes(), StandardCharsets.UTF_8);
            Matcher style = Pattern.compile("<c r=\"" + cell + "\"[^>]* s=\"(\\d+)\"").matcher(sheet);
            if (!style.find()) {
                return null;
            }
            String xfs = styles.substring(styles.indexOf("<cellXfs"));
            Matcher xf = Pattern.compile("<xf [^>]*numFmtId=\"(\\d+)\"").matcher(xfs);
            for (int i = 0; i <= Integer.parseInt(style.group(1)); i++) {
                if (!xf.find()) {
                    return null;
                }
            }
            Matcher format = Pattern.compile("numFmtId=\"" + xf.group(1) + "\" formatCode=\"([^\"]*)\"").matcher(styles);
            return format.find() ? format.group(1) : null;
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    private static String task(String start, String ratio) {
        return "{\"name\":\"恶意输入任务\",\"itemCodes\":[\"JT-HY-01\"],\"targetFilter\":{\"categories\":[\"公路货运\"]},\"ratio\":" + ratio
                + ",\"inspectorsPerTarget\":2,\"start\":" + start + ",\"end\":\"2029-10-31\"}";
    }

    private void refused(List<String> problems, String what, ResponseEntity<JsonNode> answer, String field) {
        int status = answer.getStatusCode().value();
        JsonNode body = answer.getBody();
        String message = body == null || body.get("message") == null ? "" : body.get("message").asText();
        JsonNode errors = body == null ? null : body.get("errors");
        String named = errors != null && errors.size() > 0 ? errors.get(0).path("field").asText() : null;
        if (status < 400 || status >= 500) {
            problems.add(what + ": status " + status);
        } else if (!message.matches(".*\\p{IsHan}.*") || message.matches(".*(Exception|JSON parse|Cannot deserialize).*")) {
            problems.add(what + ": message not in Chinese: " + message);
        } else if (field != null && !field.equals(named)) {
            problems.add(what + ": names field " + named + " instead of " + field + " (" + message + ")");
        }
    }

    private ResponseEntity<JsonNode> post(String path, String json) {
        return http.withBasicAuth("fagui", "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers(MediaType.APPLICATION_JSON)),
                JsonNode.class);
    }

    private static HttpHeaders headers(MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return headers;
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new HashMap<>();
        for (String table : List.of("target", "inspector", "inspection_item", "annual_plan", "spot_check_task")) {
            counts.put(table, jdbc.queryForObject("select count(*) from spotcheck." + table, Long.class));
        }
        return counts;
    }
}
