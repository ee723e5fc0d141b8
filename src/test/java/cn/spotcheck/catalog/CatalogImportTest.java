package cn.spotcheck.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;

/** Imports real spreadsheets through the API and reads the report a bureau's clerk would read. */
@SpotCheckIntegrationTest
class CatalogImportTest {

    static final List<String> TARGET_HEADER = List.of("统一社会信用代码", "名称", "类别", "区域", "信用等级", "标注", "经营状态");

    @Autowired
    TestRestTemplate http;

    static String code(int serial) {
        return DemoDirectory.uscc("53", "220103", 70_000 + serial);
    }

    static byte[] xlsx(List<String> header, List<List<Object>> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SpreadsheetExport.write(out, "Sheet1", header, sink -> rows.forEach(sink));
        return out.toByteArray();
    }

    ResponseEntity<JsonNode> upload(String path, String fileName, byte[] content) {
        return Fixtures.upload(http.withBasicAuth("fagui", "demo"), path, fileName, content);
    }

    long total() {
        return http.withBasicAuth("fagui", "demo").getForObject("/api/targets?size=1", JsonNode.class).get("totalElements").asLong();
    }

    @Test
    void aMixedFileLandsItsGoodRowsAndAccountsForEveryBadOne() throws Exception {
        String bad = code(3).substring(0, 17) + (code(3).charAt(17) == 'A' ? 'B' : 'A');
        byte[] file = xlsx(TARGET_HEADER, List.of(
                List.of(code(1), "长春导入一号物流有限公司", "公路货运", "宽城区", "A", "新设立、跨区域经营", "在营"),
                List.of(code(2), "长春导入二号汽车维修有限公司", "机动车维修", "宽城区", "警示", "", ""),
                List.of(bad, "代码错误公司", "公路货运", "宽城区", "B", "", "在营"),
                List.of(code(4), "", "公路货运", "宽城区", "B", "", "在营"),
                List.of(code(1), "重复代码公司", "公路货运", "宽城区", "B", "", "在营"),
                List.of("", "", "", "", "", "", ""),
                List.of(code(5), "类别错误公司", "航空运输", "宽城区", "B", "", "在营")));
        long before = total();

        ResponseEntity<JsonNode> answer = upload("/api/targets/import", "对象名录.xlsx", file);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode report = answer.getBody();
        assertThat(report.get("imported").asInt()).isEqualTo(2);
        assertThat(report.get("updated").asInt()).isZero();
        assertThat(report.get("rejectedRows").asInt()).isEqualTo(4);
        assertThat(report.get("totalRows").asInt()).isEqualTo(6);
        assertThat(report.get("rejected")).extracting(r -> r.get("row").asInt() + ":" + r.get("column").asText())
                .containsExactly("4:统一社会信用代码", "5:名称", "6:统一社会信用代码", "8:类别");
        assertThat(report.get("rejected").get(0).get("message").asText()).contains("第 18 位校验码");
        assertThat(report.get("rejected").get(2).get("message").asText()).contains("与第 2 行");
        assertThat(total()).isEqualTo(before + 2);
    }

    @Test
    void aSecondImportUpdatesChangedRowsLeavesTheRestAndRecordsHistory() throws Exception {
        upload("/api/targets/import", "v1.xlsx", xlsx(TARGET_HEADER, List.of(
                List.of(code(11), "长春更新测试物流有限公司", "公路货运", "朝阳区", "B", "", "在营"),
                List.of(code(12), "长春不变测试物流有限公司", "公路货运", "朝阳区", "B", "", "在营"))));
        JsonNode report = upload("/api/targets/import", "v2.xlsx", xlsx(TARGET_HEADER, List.of(
                List.of(code(11), "长春更新测试物流有限公司", "公路货运", "朝阳区", "D", "投诉较多", "在营"),
                List.of(code(12), "长春不变测试物流有限公司", "公路货运", "朝阳区", "B", "", "在营")))).getBody();
        assertThat(report.get("updated").asInt()).isEqualTo(1);
        assertThat(report.get("unchanged").asInt()).isEqualTo(1);
        assertThat(report.get("imported").asInt()).isZero();

        JsonNode found = http.withBasicAuth("fagui", "demo").getForObject("/api/targets?q={q}", JsonNode.class, code(11));
        JsonNode target = found.get("content").get(0);
        assertThat(target.get("creditLevel").asText()).isEqualTo("D");
        JsonNode history = http.withBasicAuth("fagui", "demo").getForObject("/api/targets/" + target.get("id").asLong() + "/history", JsonNode.class);
        assertThat(history.get(0).get("actionName").asText()).isEqualTo("导入更新");
        assertThat(history.get(0).get("changedBy").asText()).isEqualTo("fagui");
        assertThat(history.get(0).get("changes")).extracting(c -> c.get("label").asText()).containsExactly("信用等级", "标注");
        assertThat(history.get(1).get("actionName").asText()).isEqualTo("导入新增");
    }

    @Test
    void aColumnTheFileLacksNeverClearsWhatIsStored() throws Exception {
        TestRestTemplate fagui = http.withBasicAuth("fagui", "demo");
        long id = fagui.postForObject("/api/targets", java.util.Map.of("uscc", code(35), "name", "长春地址保留测试物流有限公司",
                "category", "公路货运", "region", "朝阳区", "address", "长春市朝阳区人民大街 1 号", "legalRepresentative", "张三",
                "creditLevel", "B", "tags", List.of(), "status", "在营"), JsonNode.class).get("id").asLong();
        // The header the import page shows: no 地址, no 法定代表人.
        JsonNode report = upload("/api/targets/import", "reimport.xlsx", xlsx(TARGET_HEADER, List.of(
                List.of(code(35), "长春地址保留测试物流有限公司", "公路货运", "朝阳区", "C", "", "在营")))).getBody();
        assertThat(report.get("updated").asInt()).isEqualTo(1);
        JsonNode target = fagui.getForObject("/api/targets/" + id, JsonNode.class);
        assertThat(target.get("address").asText()).isEqualTo("长春市朝阳区人民大街 1 号");
        assertThat(target.get("legalRepresentative").asText()).isEqualTo("张三");
        assertThat(target.get("creditLevel").asText()).isEqualTo("C");
        JsonNode history = fagui.getForObject("/api/targets/" + id + "/history", JsonNode.class);
        assertThat(history.get(0).get("changes")).extracting(c -> c.get("label").asText()).containsExactly("信用等级");
    }

    /**
     * A bureau's own workbook: a cover sheet first, then a title row, a note row and the header further down, columns
     * in their own order with 序号 and 备注, stray spaces in a header, a lower-case full-width code and a blank row.
     */
    @Test
    void aRealWorkbookIsReadWhereverItsHeaderIs() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(out, "WPS", "1.0");
        workbook.newWorksheet("填表说明").value(0, 0, "本表由各科室每季度更新一次");
        org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet("检查对象");
        sheet.value(0, 0, "长春市交通运输局检查对象名录（2026 年第四季度）");
        sheet.value(1, 0, "注：带 * 的列为必填");
        List<String> header = List.of("序号", "名称", "统一社会 信用代码", "区域", "类别", "信用等级", "经营状态", "标注", "备注");
        for (int c = 0; c < header.size(); c++) {
            sheet.value(3, c, header.get(c));
        }
        String fullWidthLower = toFullWidth(code(41).toLowerCase());
        List<List<Object>> rows = List.of(
                List.of(1, "长春真实表格一号物流有限公司", fullWidthLower, "宽城区", "公路货运", "B", "在营", "", "新增"),
                List.of(),
                List.of(2, "  长春真实表格二号汽车维修有限公司 ", code(42), "绿园区", "机动车维修", "A", "在营", "", ""));
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                Object v = rows.get(r).get(c);
                if (v instanceof Number n) {
                    sheet.value(4 + r, c, n);
                } else {
                    sheet.value(4 + r, c, (String) v);
                }
            }
        }
        workbook.finish();

        JsonNode report = upload("/api/targets/import", "名录.xlsx", out.toByteArray()).getBody();
        assertThat(report.get("imported").asInt()).as(report.toString()).isEqualTo(2);
        assertThat(report.get("rejected")).isEmpty();
        assertThat(report.get("ignoredColumns")).extracting(JsonNode::asText).containsExactly("序号", "备注");
        JsonNode found = http.withBasicAuth("fagui", "demo").getForObject("/api/targets?q={q}", JsonNode.class, code(41));
        assertThat(found.get("content").get(0).get("name").asText()).isEqualTo("长春真实表格一号物流有限公司");
    }

    private static String toFullWidth(String ascii) {
        StringBuilder wide = new StringBuilder();
        ascii.chars().forEach(c -> wide.append(c >= '!' && c <= '~' ? (char) (c - '!' + '\uFF01') : (char) c));
        return wide.toString();
    }

    @Test
    void aFileWithoutTheRequiredHeadersIsRefusedWholeAndNothingIsWritten() throws Exception {
        long before = total();
        ResponseEntity<JsonNode> refused = upload("/api/targets/import", "缺列.xlsx", xlsx(
                List.of("统一社会信用代码", "名称", "类别", "区域"),
                List.of(List.of(code(21), "缺列公司", "公路货运", "南关区"))));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("message").asText()).contains("表头缺少列").contains("信用等级").contains("经营状态");
        assertThat(refused.getBody().get("errors").get(0).get("field").asText()).isEqualTo("file");
        assertThat(total()).isEqualTo(before);

        assertThat(upload("/api/targets/import", "空.csv", new byte[0]).getBody().get("message").asText()).contains("空");
        assertThat(upload("/api/targets/import", "图片.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aGbkCsvFromChineseExcelImports() {
        String csv = String.join(",", TARGET_HEADER) + "\r\n" + code(31) + ",长春编码测试客运有限公司,公路客运,双阳区,C,,在营\r\n";
        JsonNode report = upload("/api/targets/import", "名录.csv", csv.getBytes(Charset.forName("GBK"))).getBody();
        assertThat(report.get("imported").asInt()).isEqualTo(1);
        JsonNode found = http.withBasicAuth("fagui", "demo").getForObject("/api/targets?q={q}", JsonNode.class, "编码测试客运");
        assertThat(found.get("totalElements").asInt()).isEqualTo(1);
    }

    @Test
    void inspectorsImportWithRealDateCells() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("人员");
        List<String> header = List.of("工号", "姓名", "部门", "职务", "执法证号", "执法证有效期至", "执法年限", "专业领域", "状态");
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
        }
        Object[][] rows = {
                {"T7001", "赵日期", "港航管理科", "执法员", "22770001", LocalDate.of(2027, 6, 30), 4, "水路运输、安全生产", "在岗"},
                {"T7002", "钱状态", "港航管理科", "执法员", "22770002", "2027-01-01", 2, "水路运输", "休假"},
        };
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                Object v = rows[r][c];
                if (v instanceof LocalDate d) {
                    sheet.value(r + 1, c, d);
                    sheet.style(r + 1, c).format("yyyy-mm-dd").set();
                } else if (v instanceof Integer i) {
                    sheet.value(r + 1, c, i);
                } else {
                    sheet.value(r + 1, c, (String) v);
                }
            }
        }
        workbook.finish();
        JsonNode report = upload("/api/inspectors/import", "人员.xlsx", out.toByteArray()).getBody();
        assertThat(report.get("imported").asInt()).isEqualTo(1);
        assertThat(report.get("rejected").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(report.get("rejected").get(0).get("column").asText()).isEqualTo("状态");
        JsonNode inspector = http.withBasicAuth("fagui", "demo").getForObject("/api/inspectors?q=T7001", JsonNode.class).get("content").get(0);
        assertThat(inspector.get("certificateValidUntil").asText()).isEqualTo("2027-06-30");
        assertThat(inspector.get("expertise")).extracting(JsonNode::asText).containsExactly("水路运输", "安全生产");
    }

    @Test
    void exportsAFilteredListAsARealWorkbook() throws Exception {
        ResponseEntity<byte[]> export = http.withBasicAuth("fagui", "demo")
                .getForEntity("/api/targets/export?category=公交", byte[].class);
        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(export.getHeaders().getContentType().toString()).contains("spreadsheetml");
        List<SpreadsheetRow> rows = new java.util.ArrayList<>();
        List<List<String>> header = new java.util.ArrayList<>();
        SpreadsheetReader.read("x.xlsx", new java.io.ByteArrayInputStream(export.getBody()), header::add, rows::add);
        assertThat(header.get(0)).startsWith("统一社会信用代码", "名称", "类别");
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.cell(2)).isEqualTo("公交"));
        long expected = http.withBasicAuth("fagui", "demo").getForObject("/api/targets?category=公交&size=1", JsonNode.class)
                .get("totalElements").asLong();
        assertThat(rows).hasSize((int) expected);
    }
}
