package cn.spotcheck.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;
import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.followup.FollowUps;
import cn.spotcheck.inspection.InspectionView;
import cn.spotcheck.inspection.Inspections;
import cn.spotcheck.inspection.ResultCategories;

/**
 * The year's figures per department agree with the records: the test walks two departments' tasks of a year no other
 * test uses, then counts their inspections itself, one by one, and compares with {@code GET /api/supervision/statistics}.
 */
@SpotCheckIntegrationTest
class SupervisionStatisticsTest {

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
    ResultCategories categories;
    @Autowired
    FollowUps followUps;
    @Autowired
    SupervisionStatistics statistics;
    @Autowired
    cn.spotcheck.documents.Documents documents;

    @Test
    void eachDepartmentsFiguresAreWhatItsRecordsAddUpTo() {
        long freight = dispatched("公路管理科", "JT-HY-01", "公路货运", 0.05);
        long repair = dispatched("运输管理科", "JT-WX-01", "机动车维修", 0.03);
        // Each target's level as drawn, before any finding moves it.
        Map<Long, String> levelAtDraw = new java.util.HashMap<>();
        for (long task : List.of(freight, repair)) {
            inspections.ofTask(task).forEach(i -> levelAtDraw.put(i.targetId(), http.withBasicAuth("fagui", "demo")
                    .getForObject("/api/targets/" + i.targetId(), JsonNode.class).get("creditLevel").asText()));
        }
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(java.time.LocalDateTime.parse("2023-10-20T10:00"), BureauTime.ZONE).toInstant()));
        try {
            List<InspectionView> some = inspections.ofTask(freight);
            walk(some.get(0).code(), "未发现问题", true);
            walk(some.get(1).code(), "发现问题已责令改正", true);
            walk(some.get(2).code(), "未发现问题", false);
            onSite(inspections.ofTask(repair).get(0).code());
        } finally {
            ClockUtil.reset();
        }

        JsonNode rows = http.withBasicAuth("ducha", "demo").getForObject("/api/supervision/statistics?year=2023", JsonNode.class);
        assertThat(rows).extracting(r -> r.get("department").asText()).containsExactly("公路管理科", "运输管理科");
        for (JsonNode row : rows) {
            long taskId = row.get("department").asText().equals("公路管理科") ? freight : repair;
            assertThat(row.get("tasks").asLong()).isEqualTo(1);
            assertFigures(row, inspections.ofTask(taskId));
            assertThat(row.get("inScope").asLong()).as("the draw's candidates").isEqualTo(http.withBasicAuth("fagui", "demo")
                    .getForObject("/api/tasks/" + taskId + "/draw", JsonNode.class).get("candidateCount").asLong());
        }
        assertThat(rows.get(0).get("withFindings").asLong()).as("the walk made one finding").isEqualTo(1);
        assertThat(rows.get(0).get("followUpsOpen").asLong()).as("its rectification is under way").isEqualTo(1);
        assertThat(rows.get(1).get("inspected").asLong()).isEqualTo(1);

        assertThat(http.withBasicAuth("zf001", "demo").getForEntity("/api/supervision/statistics?year=2023", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // Findings per credit level at the draw: the test's own count against the statistics.
        Set<String> findingCategories = categories.all().stream().filter(ResultCategories.Category::finding).map(ResultCategories.Category::name)
                .collect(Collectors.toSet());
        Map<String, long[]> expected = new java.util.TreeMap<>();
        for (long task : List.of(freight, repair)) {
            for (InspectionView i : inspections.ofTask(task)) {
                long[] counts = expected.computeIfAbsent(levelAtDraw.get(i.targetId()), k -> new long[2]);
                counts[0] += i.inspectionDate() != null || i.resultCategory() != null ? 1 : 0;
                counts[1] += findingCategories.contains(i.resultCategory()) ? 1 : 0;
            }
        }
        assertThat(statistics.of(2023).creditLevels()).allSatisfy(l -> assertThat(new long[] {l.inspected(), l.withFindings()})
                .as("level " + l.name()).containsExactly(expected.get(l.name())));
        assertThat(statistics.of(2023).creditLevels()).extracting(l -> l.name()).containsExactlyElementsOf(expected.keySet());

        // Per item and per result category, counted the same way.
        YearFigures year = statistics.of(2023);
        for (long task : List.of(freight, repair)) {
            List<InspectionView> all = inspections.ofTask(task);
            String item = all.get(0).itemCodes().get(0);
            assertThat(year.items()).filteredOn(i -> i.name().equals(item)).singleElement().satisfies(i -> {
                assertThat(i.inspected()).isEqualTo(all.stream().filter(v -> v.inspectionDate() != null || v.resultCategory() != null).count());
                assertThat(i.withFindings()).isEqualTo(all.stream().filter(v -> findingCategories.contains(v.resultCategory())).count());
            });
        }
        assertThat(year.resultCategories()).containsEntry("未发现问题", 2L).containsEntry("发现问题已责令改正", 1L)
                .containsEntry("已移送司法机关", 0L);

        // The page: the same figures as a table and a chart; and as a spreadsheet.
        String page = http.withBasicAuth("ducha", "demo").getForObject("/supervision/statistics?year=2023", String.class);
        assertThat(page).contains("统计分析：2023 年度", "<svg", "公路管理科", "运输管理科", "合计", "执法人员", "按信用等级", "按检查事项", "按检查结果类别");
        org.springframework.http.ResponseEntity<byte[]> export = http.withBasicAuth("ducha", "demo")
                .getForEntity("/supervision/statistics.xlsx?year=2023", byte[].class);
        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (org.dhatim.fastexcel.reader.ReadableWorkbook workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(export.getBody()))) {
            List<List<String>> sheet = workbook.getFirstSheet().read().stream()
                    .map(r -> r.stream().map(c -> c == null ? "" : c.getText()).toList()).toList();
            assertThat(sheet.get(0)).startsWith("部门", "抽查任务", "范围内对象", "抽取户数");
            assertThat(sheet.get(1).get(0)).isEqualTo("公路管理科");
            assertThat(Long.parseLong(sheet.get(1).get(3).replaceAll("\\.0$", ""))).isEqualTo(rows.get(0).get("drawn").asLong());
            assertThat(sheet.get(3).get(0)).isEqualTo("合计");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(http.withBasicAuth("zf001", "demo").getForEntity("/supervision/statistics", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // The cube: narrowed to one department, then to one item, the tables hold only what was asked for.
        String freightItem = inspections.ofTask(freight).get(0).itemCodes().get(0);
        YearFigures narrowed = year.in("公路管理科", null);
        assertThat(narrowed.departments()).singleElement().satisfies(d -> assertThat(d.drawn()).isEqualTo(rows.get(0).get("drawn").asLong()));
        assertThat(year.in(null, freightItem).items()).extracting(Share::name).containsExactly(freightItem);
        assertThat(year.in("运输管理科", freightItem).departments()).as("the repair task checks other items").isEmpty();
        assertThat(year.rows()).filteredOn(r -> r.department().equals("公路管理科") && "发现问题已责令改正".equals(r.resultCategory()))
                .singleElement().satisfies(r -> assertThat(r.counts().followUpsOpen()).isEqualTo(1));
        String narrowedPage = http.withBasicAuth("ducha", "demo").getForObject(
                "/supervision/statistics?year=2023&department=公路管理科&item=" + freightItem, String.class);
        assertThat(narrowedPage).contains("当前只统计", "公路管理科").doesNotContain("<td>运输管理科</td>");
        org.springframework.http.ResponseEntity<String> unknown = http.withBasicAuth("ducha", "demo")
                .getForEntity("/supervision/statistics?year=2023&department=不存在的科", String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody()).contains("不存在的科");
        org.springframework.http.ResponseEntity<byte[]> cells = http.withBasicAuth("ducha", "demo")
                .getForEntity("/supervision/statistics-cells.xlsx?year=2023", byte[].class);
        try (org.dhatim.fastexcel.reader.ReadableWorkbook workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(cells.getBody()))) {
            List<List<String>> sheet = workbook.getFirstSheet().read().stream()
                    .map(r -> r.stream().map(c -> c == null ? "" : c.getText()).toList()).toList();
            assertThat(sheet.get(0)).startsWith("部门", "检查事项", "抽取时信用等级", "检查结果");
            assertThat(sheet.subList(1, sheet.size()).stream().mapToLong(r -> Long.parseLong(r.get(4).replaceAll("\\.0$", ""))).sum())
                    .as("each inspection checks one item here, so the rows add up to the drawn")
                    .isEqualTo(rows.get(0).get("drawn").asLong() + rows.get(1).get("drawn").asLong());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }

        // 绩效考核 from the same figures, part by part.
        String assessment = http.withBasicAuth("ducha", "demo").getForObject("/supervision/assessment?year=2023", String.class);
        long freightDrawn = rows.get(0).get("drawn").asLong();
        assertThat(assessment).contains("绩效考核：2023 年度", "公路管理科", "运输管理科", "检查完成（30 分）",
                rows.get(0).get("inspected").asLong() + " / " + freightDrawn);
        assertThat(http.withBasicAuth("zf001", "demo").getForEntity("/supervision/assessment", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // 年度总结报告 from the same figures, as a numbered document, in HTML and PDF.
        org.springframework.util.MultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("year", "2023");
        form.add("quarter", "");
        Fixtures.postPageForm(http, "ducha", "/supervision/statistics?year=2023", "/supervision/reports", form);
        cn.spotcheck.documents.IssuedDocument report = documents.about("report:2023").get(0);
        assertThat(report.html()).contains("2023 年度“双随机、一公开”工作总结报告", "公路管理科", "按信用等级的问题发现率", "绩效考核",
                "抽取检查对象 " + (rows.get(0).get("drawn").asLong() + rows.get(1).get("drawn").asLong()) + " 户").containsPattern("督〔\\d{4}〕\\d+号");
        org.springframework.http.ResponseEntity<byte[]> pdf = http.withBasicAuth("ducha", "demo").getForEntity("/api/documents/" + report.id() + "/pdf", byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.getBody())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", "")).contains("2023年度", "工作总结报告", "公路管理科");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        JsonNode refused = http.withBasicAuth("ducha", "demo").getForEntity("/api/supervision/statistics?year=二零二三", JsonNode.class).getBody();
        assertThat(refused.get("errors").get(0).get("field").asText()).isEqualTo("year");
    }

    /** The test's own count, inspection by inspection. */
    private void assertFigures(JsonNode row, List<InspectionView> all) {
        Set<String> findings = categories.all().stream().filter(ResultCategories.Category::finding).map(ResultCategories.Category::name)
                .collect(Collectors.toSet());
        Set<String> open = followUps.open().stream().map(FollowUps.FollowUpView::inspectionCode).collect(Collectors.toSet());
        assertThat(row.get("drawn").asLong()).isEqualTo(all.size());
        assertThat(row.get("inspected").asLong()).isEqualTo(all.stream().filter(i -> i.inspectionDate() != null || i.resultCategory() != null).count());
        assertThat(row.get("published").asLong()).isEqualTo(all.stream().filter(i -> i.publishedAt() != null).count());
        assertThat(row.get("publishedOnTime").asLong()).isEqualTo(all.stream().filter(i -> i.publishedAt() != null
                && !LocalDate.ofInstant(i.publishedAt(), BureauTime.ZONE).isAfter(i.publicationDueDate())).count());
        assertThat(row.get("withFindings").asLong()).isEqualTo(all.stream().filter(i -> findings.contains(i.resultCategory())).count());
        assertThat(row.get("followUpsOpen").asLong()).isEqualTo(all.stream().filter(i -> open.contains(i.code())).count());
        assertThat(row.get("followUpsClosed").asLong()).isEqualTo(all.stream().map(i -> followUps.of(i.code()))
                .filter(f -> f != null && "CLOSED".equals(f.status())).count());
        assertThat(row.get("handoversAcknowledged").asLong()).isEqualTo(all.stream().map(i -> followUps.of(i.code()))
                .filter(f -> f != null && "CLOSED".equals(f.status()) && !"RECTIFICATION".equals(f.kind())).count());
    }

    private long dispatched(String department, String item, String category, double ratio) {
        long taskId = Fixtures.publishedTask(http, taskService, department, item, List.of(category), ratio, "2023-04-01", "2023-10-31");
        runtimeService.startProcessInstanceByKey("spot-check-task", String.valueOf(taskId), Map.of("taskId", taskId));
        Fixtures.confirmAndDispatch(taskService, runtimeService, managementService, taskId);
        return taskId;
    }

    private void onSite(String code) {
        complete(code, "onSiteInspection", Map.of("inspectionDate", "2023-10-18", "onSiteNotes", "资质齐全"));
    }

    private void walk(String code, String category, boolean publish) {
        onSite(code);
        complete(code, "resultEntry", Map.of("resultCategory", category, "findings", "无", "inspectionEndDate", "2023-10-19"));
        if (publish) {
            complete(code, "publishResult", Map.of("publicationConfirmed", true));
        }
    }

    private void complete(String code, String key, Map<String, Object> variables) {
        org.camunda.bpm.engine.task.Task task = taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(key).singleResult();
        taskService.complete(task.getId(), variables);
    }
}
