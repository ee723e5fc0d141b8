package cn.spotcheck.disclosure;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.catalog.CandidateScan;
import cn.spotcheck.catalog.CreditRecords;
import cn.spotcheck.inspection.InspectionCorrected;
import cn.spotcheck.inspection.InspectionPublished;
import cn.spotcheck.inspection.ResultCategories;
import cn.spotcheck.system.Bureau;

/**
 * 公示: when the inspection module announces a published result, puts it on the bureau's public site (the
 * {@code public_result} read model), queues it for 国家企业信用信息公示系统 (an outbox, delivered to each configured channel by
 * {@link PublicationDelivery}), and enters a finding in the target's credit record. All in one transaction,
 * each part idempotent, so an event handled again after a crash changes nothing.
 */
@Component
class ResultPublication {

    private final ResultCategories categories;
    private final CreditRecords creditRecords;
    private final CandidateScan targets;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final PublicationDelivery delivery;
    private final Bureau bureau;

    ResultPublication(ResultCategories categories, CreditRecords creditRecords, CandidateScan targets, JdbcTemplate jdbc,
                      ObjectMapper json, PublicationDelivery delivery, Bureau bureau) {
        this.bureau = bureau;
        this.delivery = delivery;
        this.categories = categories;
        this.creditRecords = creditRecords;
        this.targets = targets;
        this.jdbc = jdbc;
        this.json = json;
    }

    @ApplicationModuleListener
    void on(InspectionPublished published) {
        String code = published.code();
        CandidateScan.TargetIdentity target = targets.identities(List.of(published.targetId())).get(published.targetId());
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    insert into spotcheck.public_result (inspection_code, target_id, target_name, target_code, target_uscc,
                        target_registration_no, target_category, item_codes, result_category, inspection_end_date, published_at)
                    values (?,?,?,?,?,?,?,?,?,?,?) on conflict (inspection_code) do nothing""");
            ps.setString(1, code);
            ps.setLong(2, published.targetId());
            ps.setString(3, target == null ? "" : target.name());
            ps.setString(4, target == null ? null : target.code());
            ps.setString(5, target == null ? null : target.uscc());
            ps.setString(6, target == null ? null : target.registrationNo());
            ps.setString(7, target == null ? null : target.category());
            ps.setArray(8, con.createArrayOf("text", published.itemCodes().toArray()));
            ps.setString(9, published.resultCategory());
            ps.setDate(10, published.inspectionEndDate() == null ? null : Date.valueOf(published.inspectionEndDate()));
            ps.setTimestamp(11, Timestamp.from(published.publishedAt()));
            return ps;
        });
        // A correction approved before this event was handled has already left its row: the page shows the corrected result.
        jdbc.update("update spotcheck.public_result r set result_category = c.new_category from spotcheck.public_correction c "
                + "where r.inspection_code = ? and c.inspection_code = r.inspection_code "
                + "and c.revision = (select max(revision) from spotcheck.public_correction where inspection_code = r.inspection_code)", code);
        queue(code, 1, payload(code, target, published.itemCodes(), published.resultCategory(), published.inspectionEndDate()));
        delivery.queue(code);
        // 结果运用: a finding lowers the target's credit level; a clean result puts its earlier findings right.
        if (categories.find(published.resultCategory()).map(ResultCategories.Category::finding).orElse(false)) {
            creditRecords.record(published.targetId(), code, published.resultCategory());
        } else {
            creditRecords.putRight(published.targetId(), "检查 " + code + " " + published.resultCategory());
        }
    }

    /**
     * 更正: the public copy shows the corrected result with the date, the reason and what had been published, and the
     * channels receive the corrected record as the result's next version. Idempotent like the publication.
     */
    @ApplicationModuleListener
    void on(InspectionCorrected corrected) {
        String code = corrected.code();
        int changed = jdbc.update("insert into spotcheck.public_correction (inspection_code, revision, corrected_at, reason, old_category, new_category) "
                + "values (?,?,?,?,?,?) on conflict do nothing", code, corrected.revision(), Timestamp.from(corrected.correctedAt()),
                corrected.reason(), corrected.oldCategory(), corrected.newCategory());
        if (changed == 0) {
            return;
        }
        jdbc.update("update spotcheck.public_result set result_category = ? where inspection_code = ?", corrected.newCategory(), code);
        CandidateScan.TargetIdentity target = targets.identities(List.of(corrected.targetId())).get(corrected.targetId());
        Map<String, Object> payload = payload(code, target, corrected.itemCodes(), corrected.newCategory(), corrected.inspectionEndDate());
        payload.put("更正日期", LocalDate.ofInstant(corrected.correctedAt(), BureauTime.ZONE).toString());
        payload.put("原检查结果", corrected.oldCategory());
        payload.put("更正原因", corrected.reason());
        queue(code, corrected.revision(), payload);
        delivery.queue(code);
    }

    /** The record the channels receive, in the publicity system's words. */
    private Map<String, Object> payload(String code, CandidateScan.TargetIdentity target, List<String> itemCodes, String category,
                                        LocalDate inspectionEndDate) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("检查编号", code);
        payload.put("统一社会信用代码", target == null ? null : target.code());
        payload.put("市场主体名称", target == null ? null : target.name());
        payload.put("抽查事项", itemCodes);
        payload.put("检查结果", category);
        payload.put("检查完成日期", String.valueOf(inspectionEndDate));
        payload.put("检查机关", bureau.name());
        return payload;
    }

    private void queue(String code, int version, Map<String, Object> payload) {
        try {
            jdbc.update("insert into spotcheck.publicity_outbox (inspection_code, version, payload, status, created_at) values (?, ?, ?::jsonb, 'PENDING', ?) "
                    + "on conflict (inspection_code, version) do nothing", code, version, json.writeValueAsString(payload), Timestamp.from(BureauTime.now()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
