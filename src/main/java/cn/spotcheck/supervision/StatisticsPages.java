package cn.spotcheck.supervision;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.spotcheck.catalog.CreditLevels;
import cn.spotcheck.catalog.InspectorDirectory;
import cn.spotcheck.catalog.ItemList;
import cn.spotcheck.catalog.ItemView;
import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.catalog.SpreadsheetExport;
import cn.spotcheck.documents.IssuedDocument;
import cn.spotcheck.system.ApiException;

/**
 * 统计分析 for the supervision group: the year per department beside the year before, as a table and a chart, each
 * officer's share, and the same tables as a spreadsheet.
 */
@Controller
@RequestMapping("/supervision")
@PreAuthorize("hasAnyAuthority('supervision', 'camunda-admin')")
class StatisticsPages {

    private static final List<String> HEADER = List.of("部门", "抽查任务", "范围内对象", "抽取户数", "实际抽取比例", "已检查", "检查完成率",
            "已公示", "按时公示", "按时公示率", "发现问题", "问题发现率", "后续处置未办结", "后续处置已办结", "移交移送已签收");
    private static final List<BarChart.Series> SERIES = List.of(new BarChart.Series("抽取", "#9aa5b1"),
            new BarChart.Series("已检查", "#3b82c4"), new BarChart.Series("已公示", "#2f9e5b"), new BarChart.Series("发现问题", "#b22222"));
    private static final List<String> CELL_HEADER = List.of("部门", "检查事项", "抽取时信用等级", "检查结果", "抽取户数", "已检查", "已公示", "按时公示",
            "发现问题", "后续处置未办结", "后续处置已办结", "移交移送已签收");

    private final SupervisionStatistics statistics;
    private final SupervisionReports reports;
    private final StatisticsSnapshots snapshots;
    private final InspectorDirectory inspectors;
    private final CreditLevels creditLevels;
    private final ItemList items;

    StatisticsPages(SupervisionStatistics statistics, SupervisionReports reports, StatisticsSnapshots snapshots, InspectorDirectory inspectors,
                    CreditLevels creditLevels, ItemList items) {
        this.items = items;
        this.statistics = statistics;
        this.reports = reports;
        this.snapshots = snapshots;
        this.inspectors = inspectors;
        this.creditLevels = creditLevels;
    }

    /** The year, narrowed to one department and/or one item when asked; the year before narrowed alike beside it. */
    @GetMapping("/statistics")
    String page(@RequestParam(name = "year", required = false) String year, @RequestParam(name = "department", required = false) String department,
                @RequestParam(name = "item", required = false) String item, Model model) {
        StatisticsSnapshots.Snapshot snapshot = snapshots.of(Years.parse(year));
        YearFigures whole = snapshot.figures();
        String d = chosen(department, whole.departmentNames(), "department", "部门");
        String i = chosen(item, whole.itemCodes(), "item", "检查事项");
        YearFigures figures = whole.in(d, i);
        YearFigures before = snapshots.of(whole.year() - 1).figures().in(d, i);
        model.addAttribute("figures", figures);
        model.addAttribute("whole", whole);
        model.addAttribute("department", d);
        model.addAttribute("item", i);
        model.addAttribute("countedAt", snapshot.countedAt());
        model.addAttribute("refreshMinutes", StatisticsSnapshots.REFRESH.toMinutes());
        model.addAttribute("previous", before.total().labelled((whole.year() - 1) + " 年合计"));
        model.addAttribute("itemsBefore", before.items().stream().collect(Collectors.toMap(Share::name, s -> s)));
        model.addAttribute("categoriesBefore", before.resultCategories());
        model.addAttribute("itemNames", items.current().stream().collect(Collectors.toMap(ItemView::code, ItemView::name, (a, b) -> a)));
        model.addAttribute("years", statistics.years());
        model.addAttribute("chart", BarChart.svg(whole.year() + " 年各部门抽查进度" + (i == null ? "" : "（" + i + "）"), SERIES,
                figures.departments().stream().map(f -> new BarChart.Group(f.department(),
                        List.of(f.drawn(), f.inspected(), f.published(), f.withFindings()))).toList()));
        List<YearFigures.Officer> officers = figures.officers();
        model.addAttribute("officers", officers);
        model.addAttribute("officerNames", inspectors.cards(officers.stream().map(YearFigures.Officer::staffNo).toList()));
        model.addAttribute("reports", reports.of(whole.year()));
        model.addAttribute("quarter", SupervisionReports.quarterOf(BureauTime.today()));
        model.addAttribute("levelNames", creditLevels.codes().stream().collect(Collectors.toMap(c -> c, creditLevels::nameOf)));
        return "supervision/statistics";
    }

    /** A filter's value: blank is all; anything but one of {@code known} is refused naming the field. */
    private static String chosen(String value, Set<String> known, String field, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!known.contains(value.strip())) {
            throw ApiException.badRequest(field, "该年度没有“" + value.strip() + "”的抽查数据，请从列表中选择" + label);
        }
        return value.strip();
    }

    /** 季度调度报告 (with {@code quarter}) or 年度总结报告, issued now from the live figures. */
    @PostMapping("/reports")
    String issueReport(@RequestParam(name = "year", required = false) String year, @RequestParam(name = "quarter", required = false) String quarter,
                       RedirectAttributes redirect) {
        int y = Years.parse(year);
        Integer q = null;
        if (quarter != null && !quarter.isBlank()) {
            if (!quarter.strip().matches("[1-4]")) {
                throw ApiException.badRequest("quarter", "季度应为 1 至 4");
            }
            q = Integer.parseInt(quarter.strip());
        }
        IssuedDocument report = reports.issue(y, q);
        redirect.addFlashAttribute("notice", "已生成“" + report.title() + "”");
        return "redirect:/supervision/statistics?year=" + y + "#reports";
    }

    @GetMapping("/statistics.xlsx")
    ResponseEntity<StreamingResponseBody> spreadsheet(@RequestParam(name = "year", required = false) String year) {
        int y = Years.parse(year);
        YearFigures figures = statistics.departments(y);
        return SpreadsheetExport.xlsx("抽查统计-" + y + ".xlsx", y + " 年", HEADER, sink -> {
            figures.departments().forEach(d -> sink.accept(row(d)));
            sink.accept(row(figures.total()));
        });
    }

    /** The cube itself, one row per department × item × credit level × result category, to pivot in a spreadsheet. */
    @GetMapping("/statistics-cells.xlsx")
    ResponseEntity<StreamingResponseBody> cells(@RequestParam(name = "year", required = false) String year) {
        int y = Years.parse(year);
        YearFigures figures = statistics.departments(y);
        return SpreadsheetExport.xlsx("抽查统计明细-" + y + ".xlsx", y + " 年明细", CELL_HEADER,
                sink -> figures.rows().forEach(r -> sink.accept(List.of(r.department(), r.itemCode(),
                        r.creditLevel() == null ? "未记录" : r.creditLevel(), r.resultCategory() == null ? "尚无结果" : r.resultCategory(),
                        r.counts().dispatched(), r.counts().inspected(), r.counts().published(), r.counts().publishedOnTime(),
                        r.counts().withFindings(), r.counts().followUpsOpen(), r.counts().followUpsClosed(),
                        r.counts().handoversAcknowledged()))));
    }

    private static List<Object> row(DepartmentFigures d) {
        return List.of(d.department(), d.tasks(), d.inScope(), d.drawn(), d.drawnRate(), d.inspected(), d.inspectedRate(), d.published(),
                d.publishedOnTime(), d.publishedOnTimeRate(), d.withFindings(), d.discoveryRate(), d.followUpsOpen(), d.followUpsClosed(),
                d.handoversAcknowledged());
    }
}
