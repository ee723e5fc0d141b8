package cn.spotcheck.followup;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.catalog.CandidateScan;
import cn.spotcheck.catalog.CreditRecords;
import cn.spotcheck.documents.Documents;
import cn.spotcheck.documents.IssuedDocument;

/**
 * What the {@code follow-up} diagram records (through {@link FollowUpProcess}): the follow-up opened, its kind and
 * deadline, its letters, its closure.
 */
@Component
public class FollowUps {

    private final JdbcTemplate jdbc;
    private final Documents documents;
    private final CandidateScan targets;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final CreditRecords creditRecords;

    FollowUps(JdbcTemplate jdbc, Documents documents, CandidateScan targets, org.springframework.context.ApplicationEventPublisher events,
              CreditRecords creditRecords) {
        this.events = events;
        this.creditRecords = creditRecords;
        this.jdbc = jdbc;
        this.documents = documents;
        this.targets = targets;
    }

    public record FollowUpView(String inspectionCode, long targetId, String kind, String status, String department,
                               LocalDate deadline, java.time.Instant openedAt, java.time.Instant closedAt, String closure) {
    }

    void open(String inspectionCode, long targetId, FollowUpKind kind, String processInstanceId) {
        jdbc.update("insert into spotcheck.follow_up (inspection_code, target_id, kind, status, opened_at, process_instance_id) "
                        + "values (?,?,?,'OPEN',?,?) on conflict (inspection_code) do nothing",
                inspectionCode, targetId, kind.name(), Timestamp.from(BureauTime.now()), processInstanceId);
    }

    void kind(String inspectionCode, FollowUpKind kind) {
        jdbc.update("update spotcheck.follow_up set kind = ? where inspection_code = ?", kind.name(), inspectionCode);
    }

    /** The deadline on record, and the 责令改正通知书 that tells the target what to put right by when. */
    IssuedDocument rectificationOrder(String inspectionCode, long targetId, LocalDate deadline, String findings, String requirements) {
        jdbc.update("update spotcheck.follow_up set deadline = ? where inspection_code = ?", Date.valueOf(deadline), inspectionCode);
        CandidateScan.TargetIdentity target = targets.identities(List.of(targetId)).get(targetId);
        return documents.issue("rectification-order", inspectionCode, "责令改正通知书 " + inspectionCode, Map.of(
                "code", inspectionCode,
                "targetName", target == null ? "" : target.name(),
                "targetCode", target == null ? "" : target.code(),
                "deadline", deadline.toString(),
                "findings", String.valueOf(findings),
                "requirements", requirements == null || requirements.isBlank() ? "对上述问题逐项整改到位" : requirements.strip()));
    }

    /** 案件线索移交函 to the department named (by default 有关主管部门). */
    IssuedDocument handoverLetter(String inspectionCode, long targetId, String department, String findings) {
        return letter("handover-letter", "案件线索移交函", inspectionCode, targetId, department == null ? "有关主管部门" : department, findings);
    }

    /** 涉嫌犯罪案件移送书 (by default to 公安机关). */
    IssuedDocument referralLetter(String inspectionCode, long targetId, String department, String findings) {
        return letter("referral-letter", "涉嫌犯罪案件移送书", inspectionCode, targetId, department == null ? "公安机关" : department, findings);
    }

    /** Closes the follow-up and announces what the public may read of it; closing twice announces nothing new. */
    void close(String inspectionCode, String closure, String decisionNumber, String penalty, String caseNumber) {
        FollowUpView followUp = of(inspectionCode);
        if ("CLOSED".equals(followUp.status())) {
            return;
        }
        FollowUpKind kind = FollowUpKind.valueOf(followUp.kind());
        String outcome = PublicOutcome.of(kind, followUp.department(), decisionNumber, penalty, caseNumber);
        java.time.Instant at = BureauTime.now();
        jdbc.update("update spotcheck.follow_up set status = 'CLOSED', closed_at = ?, closure = ?, public_outcome = ? where inspection_code = ?",
                Timestamp.from(at), closure == null ? "办结" : closure, outcome, inspectionCode);
        if (kind == FollowUpKind.RECTIFICATION) {
            creditRecords.putRight(inspectionCode, "责令改正，已整改到位");
        }
        events.publishEvent(new FollowUpClosed(inspectionCode, kind.name(), outcome, at));
    }

    private static final String SELECT = "select inspection_code, target_id, kind, status, department, deadline, opened_at, "
            + "closed_at, closure from spotcheck.follow_up ";

    private static final RowMapper<FollowUpView> VIEW = (rs, i) -> new FollowUpView(rs.getString(1), rs.getLong(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(),
            rs.getTimestamp(7).toInstant(), rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(), rs.getString(9));

    /**
     * Every follow-up's state by inspection code, for the statistics: {@code OPEN}, {@code CLOSED}, or
     * {@code ACKNOWLEDGED} for a handover or referral the receiving authority has acknowledged (closed).
     */
    public java.util.Map<String, String> states() {
        java.util.Map<String, String> states = new java.util.HashMap<>();
        jdbc.query("select inspection_code, case when status = 'OPEN' then 'OPEN' when kind in ('HANDOVER', 'REFERRAL') "
                + "then 'ACKNOWLEDGED' else 'CLOSED' end from spotcheck.follow_up", rs -> {
            states.put(rs.getString(1), rs.getString(2));
        });
        return states;
    }

    public List<FollowUpView> open() {
        return jdbc.query(SELECT + "where status = 'OPEN' order by opened_at", VIEW);
    }

    public FollowUpView of(String inspectionCode) {
        return jdbc.query(SELECT + "where inspection_code = ?", VIEW, inspectionCode).stream().findFirst().orElse(null);
    }

    private IssuedDocument letter(String kind, String title, String code, long targetId, String receiver, String findings) {
        CandidateScan.TargetIdentity target = targets.identities(List.of(targetId)).get(targetId);
        jdbc.update("update spotcheck.follow_up set department = ? where inspection_code = ?", receiver, code);
        return documents.issue(kind, code, title + " " + code, Map.of(
                "code", code, "department", receiver,
                "targetName", target == null ? "" : target.name(),
                "targetCode", target == null ? "" : target.code(),
                "findings", String.valueOf(findings)));
    }
}
