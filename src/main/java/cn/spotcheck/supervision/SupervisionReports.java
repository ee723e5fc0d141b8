package cn.spotcheck.supervision;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.documents.Documents;
import cn.spotcheck.documents.IssuedDocument;

/**
 * 季度调度报告 and 年度总结报告, issued as documents (HTML and PDF, numbered) from the same figures as the statistics and
 * the assessment, as of the moment they are generated.
 */
@Service
class SupervisionReports {

    static final String KIND = "supervision-report";
    private static final int OVERDUE_LISTED = 20;

    private final SupervisionStatistics statistics;
    private final DepartmentAssessment assessment;
    private final OverdueMonitor monitor;
    private final Documents documents;

    SupervisionReports(SupervisionStatistics statistics, DepartmentAssessment assessment, OverdueMonitor monitor, Documents documents) {
        this.statistics = statistics;
        this.assessment = assessment;
        this.monitor = monitor;
        this.documents = documents;
    }

    /** The report of {@code year}: quarterly for {@code quarter} 1–4, annual when {@code quarter} is null. */
    IssuedDocument issue(int year, Integer quarter) {
        String heading = quarter == null ? year + " 年度“双随机、一公开”工作总结报告" : year + " 年第" + "一二三四".charAt(quarter - 1) + "季度抽查工作调度报告";
        YearFigures figures = statistics.departments(year);
        List<OverdueItem> overdue = monitor.today();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("heading", heading);
        model.put("year", year);
        model.put("asOf", BureauTime.today().toString());
        model.put("total", figures.total());
        model.put("departments", figures.departments());
        model.put("levels", figures.creditLevels());
        List<DepartmentScore> scores = assessment.of(year, figures.departments());
        if (quarter != null) {
            assessment.record(year, quarter, scores);
        }
        model.put("scores", scores.stream().map(s -> Map.of("department", s.department(),
                "score", String.format(Locale.ROOT, "%.1f", s.score()), "outOf", s.outOf(),
                "parts", String.join("；", s.parts().stream().map(p -> p.name() + " " + p.measured()).toList()))).toList());
        model.put("overdueCount", overdue.size());
        model.put("overdue", overdue.stream().limit(OVERDUE_LISTED).map(o -> o.ruleName() + "：" + o.title() + "（逾期 " + o.daysOverdue() + " 天）").toList());
        model.put("pct", new Percent());
        return documents.issue(KIND, reference(year, quarter), heading, model);
    }

    List<IssuedDocument> of(int year) {
        return java.util.stream.Stream.concat(documents.about(reference(year, null)).stream(),
                        java.util.stream.IntStream.rangeClosed(1, 4).boxed().flatMap(q -> documents.about(reference(year, q)).stream()))
                .sorted((a, b) -> b.issuedAt().compareTo(a.issuedAt())).toList();
    }

    /** The quarter {@code day} falls in, 1–4. */
    static int quarterOf(LocalDate day) {
        return (day.getMonthValue() - 1) / 3 + 1;
    }

    /** The first day of the quarter {@code day} falls in. */
    static LocalDate quarterStart(LocalDate day) {
        return LocalDate.of(day.getYear(), (quarterOf(day) - 1) * 3 + 1, 1);
    }

    private static String reference(int year, Integer quarter) {
        return quarter == null ? "report:" + year : "report:" + year + "-Q" + quarter;
    }

    /** {@code $pct.of(0.123)} = 12.3%, {@code $pct.ratio(3, 40)} = 7.5% in the report. */
    public static final class Percent {
        public String of(double share) {
            return String.format(Locale.ROOT, "%.1f%%", share * 100);
        }

        public String ratio(long part, long whole) {
            return whole == 0 ? "—" : of((double) part / whole);
        }
    }
}
