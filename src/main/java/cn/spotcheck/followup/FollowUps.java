package cn.spotcheck.followup;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.catalog.CandidateScan;
import cn.spotcheck.documents.Documents;
import cn.spotcheck.documents.IssuedDocument;

/** What the {@code follow-up} diagram records: the follow-up opened, its kind and deadline, its letters, its closure. */
@Component("followUps")
public class FollowUps {

    private final JdbcTemplate jdbc;
    private final Documents documents;
    private final CandidateScan targets;

    FollowUps(JdbcTemplate jdbc, Documents documents, CandidateScan targets) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.targets = targets;
    }

    public record FollowUpView(String inspectionCode, long targetId, String kind, String status, String department,
                               LocalDate deadline, java.time.Instant openedAt, java.time.Instant closedAt, String closure) {
    }

    public void open(DelegateExecution execution) {
        jdbc.update("insert into spotcheck.follow_up (inspection_code, target_id, kind, status, opened_at, process_instance_id) "
                        + "values (?,?,?,'OPEN',?,?) on conflict (inspection_code) do nothing",
                execution.getProcessBusinessKey(), ((Number) execution.getVariable("targetId")).longValue(),
                String.valueOf(execution.getVariable("followUpKind")), Timestamp.from(BureauTime.now()), execution.getProcessInstanceId());
    }

    /** The kind chosen (责令改正, 立案, 移交, 移送) once someone decided it. */
    public void kind(DelegateExecution execution) {
        jdbc.update("update spotcheck.follow_up set kind = ? where inspection_code = ?",
                String.valueOf(execution.getVariable("followUpKind")), execution.getProcessBusinessKey());
    }

    /** A rectification not carried out is filed as a case: from then on the follow-up is a case, on record and in the process. */
    public void becameACase(DelegateExecution execution) {
        execution.setVariable("followUpKind", "CASE");
        kind(execution);
    }

    public void rectificationDeadline(DelegateExecution execution) {
        Object deadline = execution.getVariable("rectificationDeadline");
        if (deadline != null) {
            jdbc.update("update spotcheck.follow_up set deadline = ? where inspection_code = ?",
                    Date.valueOf(LocalDate.parse(deadline.toString().substring(0, 10))), execution.getProcessBusinessKey());
        }
    }

    public void handoverLetter(DelegateExecution execution) {
        letter(execution, "handover-letter", "案件线索移交函");
    }

    public void referralLetter(DelegateExecution execution) {
        letter(execution, "referral-letter", "涉嫌犯罪案件移送书");
    }

    public void close(DelegateExecution execution) {
        Object closure = execution.getVariable("closureNote");
        jdbc.update("update spotcheck.follow_up set status = 'CLOSED', closed_at = ?, closure = ? where inspection_code = ?",
                Timestamp.from(BureauTime.now()), closure == null ? "办结" : closure.toString(), execution.getProcessBusinessKey());
    }

    private static final String SELECT = "select inspection_code, target_id, kind, status, department, deadline, opened_at, "
            + "closed_at, closure from spotcheck.follow_up ";

    private static final RowMapper<FollowUpView> VIEW = (rs, i) -> new FollowUpView(rs.getString(1), rs.getLong(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(),
            rs.getTimestamp(7).toInstant(), rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(), rs.getString(9));

    public List<FollowUpView> open() {
        return jdbc.query(SELECT + "where status = 'OPEN' order by opened_at", VIEW);
    }

    public FollowUpView of(String inspectionCode) {
        return jdbc.query(SELECT + "where inspection_code = ?", VIEW, inspectionCode).stream().findFirst().orElse(null);
    }

    private void letter(DelegateExecution execution, String kind, String title) {
        String code = execution.getProcessBusinessKey();
        long targetId = ((Number) execution.getVariable("targetId")).longValue();
        CandidateScan.TargetIdentity target = targets.identities(List.of(targetId)).get(targetId);
        Object department = execution.getVariable("receivingDepartment");
        String receiver = department == null ? ("referral-letter".equals(kind) ? "公安机关" : "有关主管部门") : department.toString();
        jdbc.update("update spotcheck.follow_up set department = ? where inspection_code = ?", receiver, code);
        IssuedDocument document = documents.issue(kind, code, title + " " + code, Map.of(
                "code", code, "department", receiver,
                "targetName", target == null ? "" : target.name(),
                "targetCode", target == null ? "" : target.code(),
                "findings", String.valueOf(execution.getVariable("findings"))));
        execution.setVariable(kind.startsWith("handover") ? "handoverLetterId" : "referralLetterId", document.id());
    }
}
