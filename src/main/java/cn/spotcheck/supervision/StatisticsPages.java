package cn.spotcheck.supervision;

import java.util.List;
import java.util.Map;

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

    private static final List<String> HEADER = List.of("部门", "抽查任务", "抽取户数", "已检查", "检查完成率", "已公示", "按时公示",
            "按时公示率", "发现问题", "问题发现率", "后续处置未办结");
    private static final List<BarChart.Series> SERIES = List.of(new BarChart.Series("抽取", "#9aa5b1"),
            new BarChart.Series("已检查", "#3b82c4"), new BarChart.Series("已公示", "#2f9e5b"), new BarChart.Series("发现问题", "#b22222"));

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

    @GetMapping("/statistics")
    String page(@RequestParam(name = "year", required = false) String year, Model model) {
        StatisticsSnapshots.Snapshot snapshot = snapshots.of(Years.parse(year));
        SupervisionStatistics.Year figures = snapshot.figures();
        model.addAttribute("figures", figures);
        model.addAttribute("countedAt", snapshot.countedAt());
        model.addAttribute("refreshMinutes", StatisticsSnapshots.REFRESH.toMinutes());
        SupervisionStatistics.Year before = snapshots.of(figures.year() - 1).figures();
        model.addAttribute("previous", before.total());
        model.addAttribute("itemsBefore", before.items().stream().collect(java.util.stream.Collectors.toMap(
                cn.spotcheck.inspection.InspectionFigures.ItemCounts::itemCode, i -> i)));
        model.addAttribute("categoriesBefore", before.resultCategories());
        model.addAttribute("itemNames", items.current().stream().collect(java.util.stream.Collectors.toMap(
                cn.spotcheck.catalog.ItemView::code, cn.spotcheck.catalog.ItemView::name, (a, b) -> a)));
        model.addAttribute("years", statistics.years());
        model.addAttribute("chart", BarChart.svg(figures.year() + " 年各部门抽查进度", SERIES, figures.departments().stream()
                .map(d -> new BarChart.Group(d.department(), List.of(d.drawn(), d.inspected(), d.published(), d.withFindings()))).toList()));
        Map<String, InspectorDirectory.InspectorCard> cards = inspectors.cards(figures.officers().stream()
                .map(cn.spotcheck.inspection.InspectionFigures.OfficerCounts::staffNo).toList());
        model.addAttribute("officerNames", cards);
        model.addAttribute("reports", reports.of(figures.year()));
        model.addAttribute("quarter", SupervisionReports.quarterOf(BureauTime.today()));
        model.addAttribute("levelNames", creditLevels.codes().stream().collect(java.util.stream.Collectors.toMap(c -> c, creditLevels::nameOf)));
        return "supervision/statistics";
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
        SupervisionStatistics.Departments figures = statistics.departments(y);
        return SpreadsheetExport.xlsx("抽查统计-" + y + ".xlsx", y + " 年", HEADER, sink -> {
            figures.rows().forEach(d -> sink.accept(row(d)));
            sink.accept(row(figures.total()));
        });
    }

    private static List<Object> row(DepartmentFigures d) {
        return List.of(d.department(), d.tasks(), d.drawn(), d.inspected(), d.inspectedRate(), d.published(), d.publishedOnTime(),
                d.publishedOnTimeRate(), d.withFindings(), d.discoveryRate(), d.followUpsOpen());
    }
}
