package cn.spotcheck.draw;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.spotcheck.catalog.InspectorDirectory;
import cn.spotcheck.plan.AnnualPlans;
import cn.spotcheck.plan.TaskView;

/**
 * Fans a published draw out into one {@code inspection} process instance per drawn target, a batch per job
 * (the diagram loops until nothing is left). Idempotent: an inspection whose code exists is skipped, so a
 * restart in the middle creates no duplicate and misses none.
 */
@Component("inspectionDispatch")
public class InspectionDispatch {

    static final String INSPECTION_PROCESS = "inspection";

    private final JdbcTemplate jdbc;
    private final RuntimeService runtimeService;
    private final InspectorDirectory inspectors;
    private final AnnualPlans plans;
    private final int batchSize;

    InspectionDispatch(JdbcTemplate jdbc, RuntimeService runtimeService, InspectorDirectory inspectors, AnnualPlans plans,
                       @Value("${spotcheck.dispatch.batch-size:500}") int batchSize) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.inspectors = inspectors;
        this.plans = plans;
        this.batchSize = batchSize;
    }

    public static String inspectionCode(long taskId, int position) {
        return String.format("JC-%d-%05d", taskId, position);
    }

    /** Starts the next batch; returns whether more remain. */
    public boolean dispatchBatch(long taskId) {
        TaskView task = plans.task(taskId);
        List<Object[]> batch = jdbc.query("""
                select a.position, a.target_id, a.inspector_ids from spotcheck.draw_assignment a
                join spotcheck.draw_record r on r.id = a.draw_id
                where r.task_id = ? and not exists (
                    select 1 from spotcheck.inspection i where i.task_id = r.task_id and i.target_id = a.target_id)
                order by a.position limit ?""",
                (rs, i) -> new Object[] {rs.getInt(1), rs.getLong(2), Arrays.asList((Long[]) rs.getArray(3).getArray())},
                taskId, batchSize + 1);
        boolean more = batch.size() > batchSize;
        List<Object[]> now = more ? batch.subList(0, batchSize) : batch;
        Set<Long> ids = new HashSet<>();
        now.forEach(row -> ids.addAll(castIds(row[2])));
        Map<Long, String> staffNos = inspectors.staffNumbers(ids);
        for (Object[] row : now) {
            List<String> users = new ArrayList<>();
            castIds(row[2]).forEach(id -> users.add(staffNos.get(id)));
            runtimeService.createProcessInstanceByKey(INSPECTION_PROCESS)
                    .businessKey(inspectionCode(taskId, (Integer) row[0]))
                    .setVariable("taskId", taskId)
                    .setVariable("targetId", row[1])
                    // Plain strings, not serialized Java lists: thousands of instances, each variable a row or two.
                    .setVariable("itemCodes", String.join(",", task.itemCodes()))
                    .setVariable("inspectorUserIds", String.join(",", users))
                    .setVariable("taskName", task.name())
                    .execute();
        }
        return more;
    }

    @SuppressWarnings("unchecked")
    private static List<Long> castIds(Object value) {
        return (List<Long>) value;
    }
}
