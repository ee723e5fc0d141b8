package cn.spotcheck.inspection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.system.ApiException;

/**
 * 更正 of a published result: a request names the corrected category or findings and the reason, a legal reviewer
 * other than the requester decides ({@code result-correction.bpmn}), and only an approved request changes the result.
 * A correction stays within results that call for the same follow-up and the same credit consequence, because the
 * follow-up already under way and the credit record follow from the published category.
 */
@Service
public class ResultCorrections {

    static final int REASON_MAX_LENGTH = 500;
    static final int FINDINGS_MAX_LENGTH = 4000;

    /** A request and, once decided, its review. */
    public record Correction(long id, String inspectionCode, String oldCategory, String oldFindings, String newCategory,
                             String newFindings, String reason, String requestedBy, Instant requestedAt, String status,
                             String reviewedBy, Instant reviewedAt, String reviewComment, Integer revision) {

        public String statusName() {
            return switch (status) {
                case "PENDING" -> "审核中";
                case "APPROVED" -> "已更正";
                default -> "未同意";
            };
        }
    }

    private static final String SELECT = "select id, inspection_code, old_category, old_findings, new_category, new_findings, reason, "
            + "requested_by, requested_at, status, reviewed_by, reviewed_at, review_comment, revision from spotcheck.result_correction ";
    private static final RowMapper<Correction> ROW = (rs, i) -> new Correction(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(),
            rs.getString(10), rs.getString(11), rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant(), rs.getString(13),
            (Integer) rs.getObject(14));

    private final JdbcTemplate jdbc;
    private final Inspections inspections;
    private final ResultCategories categories;
    private final ApplicationEventPublisher events;

    ResultCorrections(JdbcTemplate jdbc, Inspections inspections, ResultCategories categories, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.inspections = inspections;
        this.categories = categories;
        this.events = events;
    }

    /** The categories a result of {@code category} may be corrected to: same follow-up, same credit consequence. */
    public List<String> choicesFor(String category) {
        ResultCategories.Category current = categories.find(category).orElse(null);
        return categories.all().stream().filter(c -> current != null && c.followUp().equals(current.followUp()) && c.finding() == current.finding())
                .map(ResultCategories.Category::name).toList();
    }

    /** Records the request; the caller starts its review. Refused, naming the field, when it cannot be made. */
    Correction request(String code, String newCategory, String newFindings, String reason, String requestedBy) {
        InspectionView inspection = inspections.get(code);
        if (inspection.publishedAt() == null) {
            throw ApiException.conflict("code", "检查 " + code + " 的结果尚未公示：公示前的修改请在审核公示时退回重新录入");
        }
        String category = newCategory == null ? "" : newCategory.strip();
        if (category.isEmpty()) {
            throw ApiException.badRequest("resultCategory", "请选择更正后的检查结果");
        }
        if (!choicesFor(inspection.resultCategory()).contains(category)) {
            throw ApiException.badRequest("resultCategory", "“" + category + "”不能作为更正后的检查结果：只能更正为"
                    + String.join("、", choicesFor(inspection.resultCategory())) + "（后续处置和信用记录与原结果相同的类别）");
        }
        String findings = newFindings == null || newFindings.isBlank() ? inspection.findings() : newFindings.strip();
        if (findings != null && findings.length() > FINDINGS_MAX_LENGTH) {
            throw ApiException.badRequest("findings", "发现的问题不能超过 " + FINDINGS_MAX_LENGTH + " 个字");
        }
        if (category.equals(inspection.resultCategory()) && java.util.Objects.equals(findings, inspection.findings())) {
            throw ApiException.badRequest("resultCategory", "更正后的检查结果和发现的问题与已公示的相同，无需更正");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw ApiException.badRequest("reason", "请填写更正原因");
        }
        if (why.length() > REASON_MAX_LENGTH) {
            throw ApiException.badRequest("reason", "更正原因不能超过 " + REASON_MAX_LENGTH + " 个字");
        }
        try {
            Long id = jdbc.queryForObject("insert into spotcheck.result_correction (inspection_code, old_category, old_findings, new_category, "
                    + "new_findings, reason, requested_by, requested_at, status) values (?,?,?,?,?,?,?,?, 'PENDING') returning id", Long.class,
                    code, inspection.resultCategory(), inspection.findings(), category, findings, why, requestedBy, Timestamp.from(BureauTime.now()));
            return get(id);
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("code", "检查 " + code + " 已有一份更正申请在审核中，请等审核完成后再申请");
        }
    }

    void started(long id, String processInstanceId) {
        jdbc.update("update spotcheck.result_correction set process_instance_id = ? where id = ?", processInstanceId, id);
    }

    /** Approved: the result changes, the earlier value stays in the request, and 一公开 is told. Deciding twice changes nothing. */
    void approve(long id, String reviewer, String comment) {
        Correction correction = get(id);
        if (!"PENDING".equals(correction.status())) {
            return;
        }
        // The first publication is version 1; each approved correction publishes the next.
        int revision = 2 + jdbc.queryForObject("select count(*) from spotcheck.result_correction where inspection_code = ? and status = 'APPROVED'",
                Integer.class, correction.inspectionCode());
        Instant now = BureauTime.now();
        jdbc.update("update spotcheck.result_correction set status = 'APPROVED', reviewed_by = ?, reviewed_at = ?, review_comment = ?, revision = ? "
                + "where id = ?", reviewer, Timestamp.from(now), comment, revision, id);
        jdbc.update("update spotcheck.inspection set result_category = ?, findings = ? where code = ?",
                correction.newCategory(), correction.newFindings(), correction.inspectionCode());
        InspectionView corrected = inspections.get(correction.inspectionCode());
        events.publishEvent(new InspectionCorrected(corrected.code(), corrected.targetId(), corrected.itemCodes(), correction.oldCategory(),
                correction.newCategory(), corrected.inspectionEndDate(), correction.reason(), revision, now));
    }

    void reject(long id, String reviewer, String comment) {
        jdbc.update("update spotcheck.result_correction set status = 'REJECTED', reviewed_by = ?, reviewed_at = ?, review_comment = ? "
                + "where id = ? and status = 'PENDING'", reviewer, Timestamp.from(BureauTime.now()), comment, id);
    }

    public Correction get(long id) {
        List<Correction> found = jdbc.query(SELECT + "where id = ?", ROW, id);
        if (found.isEmpty()) {
            throw ApiException.notFound("更正申请 " + id + " 不存在");
        }
        return found.get(0);
    }

    /** The requests about one result, oldest first. */
    public List<Correction> of(String code) {
        return jdbc.query(SELECT + "where inspection_code = ? order by id", ROW, code);
    }
}
