package cn.spotcheck.supervision;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.documents.IssuedDocument;
import cn.spotcheck.system.Markdown;

/**
 * The {@code supervision-report} diagram's edge: on the first day of a quarter the report of the quarter just ended,
 * on 1 December the year's, each put before the group with a link ({@code reportBrief}).
 */
@Component("supervisionReportProcess")
public class SupervisionReportProcess {

    static final String BRIEF = "reportBrief";
    static final String SUBJECT = cn.spotcheck.system.TaskSubjects.SUBJECT;

    private final SupervisionReports reports;

    SupervisionReportProcess(SupervisionReports reports) {
        this.reports = reports;
    }

    /**
     * 1 December: the year's report; the first day of a quarter: the report of the quarter just ended. A timer that
     * fires late (the platform was down over New Year's Day) still reports the quarter before the one it fell due in,
     * not the quarter under way.
     */
    public void issueDue(DelegateExecution execution) {
        LocalDate today = BureauTime.today();
        if (today.getMonthValue() == 12) {
            present(execution, reports.issue(today.getYear(), null));
        } else {
            LocalDate lastDay = SupervisionReports.quarterStart(today).minusDays(1);
            present(execution, reports.issue(lastDay.getYear(), SupervisionReports.quarterOf(lastDay)));
        }
    }

    private static void present(DelegateExecution execution, IssuedDocument report) {
        execution.setVariable(BRIEF, Markdown.link(report.title(), "/api/documents/" + report.id()) + "　"
                + Markdown.link("PDF", "/api/documents/" + report.id() + "/pdf") + "　" + Markdown.link("统计分析", "/supervision/statistics"));
        execution.setVariable(SUBJECT, report.title());
    }
}
