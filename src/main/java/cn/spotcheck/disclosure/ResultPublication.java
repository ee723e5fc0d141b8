package cn.spotcheck.disclosure;

import java.sql.Date;
import java.sql.Timestamp;
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
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("检查编号", code);
        payload.put("统一社会信用代码", target == null ? null : target.code());
        payload.put("市场主体名称", target == null ? null : target.name());
        payload.put("抽查事项", published.itemCodes());
        payload.put("检查结果", published.resultCategory());
        payload.put("检查完成日期", String.valueOf(published.inspectionEndDate()));
        payload.put("检查机关", bureau.name());
        try {
            jdbc.update("insert into spotcheck.publicity_outbox (inspection_code, payload, status, created_at) values (?, ?::jsonb, 'PENDING', ?) "
                    + "on conflict (inspection_code) do nothing", code, json.writeValueAsString(payload), Timestamp.from(BureauTime.now()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        delivery.queue(code);
        categories.find(published.resultCategory()).filter(ResultCategories.Category::finding)
                .ifPresent(c -> creditRecords.record(published.targetId(), code, c.name()));
    }
}
