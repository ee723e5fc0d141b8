package cn.spotcheck.disclosure;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.catalog.CandidateScan;
import cn.spotcheck.catalog.CreditRecords;
import cn.spotcheck.inspection.InspectionView;
import cn.spotcheck.inspection.Inspections;
import cn.spotcheck.inspection.ResultCategories;

/**
 * 公示: publishes an inspection's result on the bureau's public site and queues it for 国家企业信用信息公示系统
 * (an outbox: the national system is reached by an adapter a deployment configures). A finding also enters the
 * target's credit record. Called by the {@code inspection} diagram's publication step; publishing twice is harmless.
 */
@Component("resultPublication")
public class ResultPublication {

    private final Inspections inspections;
    private final ResultCategories categories;
    private final CreditRecords creditRecords;
    private final CandidateScan targets;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ResultPublication(Inspections inspections, ResultCategories categories, CreditRecords creditRecords,
                      CandidateScan targets, JdbcTemplate jdbc, ObjectMapper json) {
        this.inspections = inspections;
        this.categories = categories;
        this.creditRecords = creditRecords;
        this.targets = targets;
        this.jdbc = jdbc;
        this.json = json;
    }

    public void publish(DelegateExecution execution) {
        String code = execution.getProcessBusinessKey();
        InspectionView inspection = inspections.get(code);
        if (inspection.publishedAt() != null) {
            return;
        }
        inspections.published(code);
        CandidateScan.TargetIdentity target = targets.identities(List.of(inspection.targetId())).get(inspection.targetId());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("检查编号", code);
        payload.put("统一社会信用代码", target == null ? null : target.code());
        payload.put("市场主体名称", target == null ? null : target.name());
        payload.put("抽查事项", inspection.itemCodes());
        payload.put("检查结果", inspection.resultCategory());
        payload.put("检查完成日期", String.valueOf(inspection.inspectionEndDate()));
        payload.put("检查机关", "交通运输局");
        try {
            jdbc.update("insert into spotcheck.publicity_outbox (inspection_code, payload, status, created_at) values (?, ?::jsonb, 'PENDING', ?) "
                    + "on conflict (inspection_code) do nothing", code, json.writeValueAsString(payload), Timestamp.from(BureauTime.now()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        categories.find(inspection.resultCategory()).filter(ResultCategories.Category::finding)
                .ifPresent(c -> creditRecords.record(inspection.targetId(), code, c.name()));
    }
}
