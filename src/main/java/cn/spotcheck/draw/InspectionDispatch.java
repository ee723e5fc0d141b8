package cn.spotcheck.draw;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.spotcheck.catalog.CandidateScan;
import cn.spotcheck.catalog.InspectorDirectory;
import cn.spotcheck.inspection.InspectionProcess;
import cn.spotcheck.inspection.Inspections;
import cn.spotcheck.plan.AnnualPlans;
import cn.spotcheck.plan.TaskView;

/**
 * Fans a published draw out into one {@code inspection} process instance per drawn target. The diagram calls
 * {@link #dispatchRound} from a job and loops while it answers "more". A round cuts what is left into slices and
 * starts them on a few threads, each slice in a transaction of its own, so a slice is either wholly started or not
 * at all. Idempotent: a target whose inspection exists is skipped, and the unique inspection code makes a second
 * dispatcher's slice fail rather than duplicate, so a kill in the middle and a restart creates no duplicate and
 * misses none.
 */
@Component("inspectionDispatch")
public class InspectionDispatch implements DisposableBean {


    private final JdbcTemplate jdbc;
    private final RuntimeService runtimeService;
    private final ProcessEngineConfigurationImpl engine;
    private final InspectorDirectory inspectors;
    private final CandidateScan targets;
    private final AnnualPlans plans;
    private final Inspections inspections;
    private final DrawCoverage coverage;
    private final TaskSchedule schedule;
    private final int sliceSize;
    private final long roundMillis;
    private final int threadCount;
    private final ExecutorService threads;

    InspectionDispatch(JdbcTemplate jdbc, RuntimeService runtimeService, ProcessEngineConfigurationImpl engine,
                       InspectorDirectory inspectors, CandidateScan targets, AnnualPlans plans, Inspections inspections,
                       DrawCoverage coverage, TaskSchedule schedule,
                       @Value("${spotcheck.dispatch.batch-size:500}") int sliceSize,
                       @Value("${spotcheck.dispatch.threads:0}") int threads,
                       @Value("${spotcheck.dispatch.round-seconds:120}") int roundSeconds) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.engine = engine;
        this.inspectors = inspectors;
        this.targets = targets;
        this.plans = plans;
        this.inspections = inspections;
        this.coverage = coverage;
        this.schedule = schedule;
        this.sliceSize = sliceSize;
        // A round must end well inside the job's lock (5 minutes by default), or a second node could take it up.
        this.roundMillis = roundSeconds * 1000L;
        // One per core measured best: the engine and PostgreSQL share the machine, and more threads only contend.
        this.threadCount = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(threadCount, r -> {
            Thread t = new Thread(r, "inspection-dispatch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public static String inspectionCode(long taskId, int position) {
        return String.format("JC-%d-%05d", taskId, position);
    }

    /** One drawn target waiting for its inspection, with every item it is checked for (a joint draw's union). */
    private record Slot(int position, long targetId, List<Long> inspectorIds, List<String> itemCodes) {
    }

    /**
     * Starts inspections for what is left, for at most one round; returns whether more remain. Of a joint group
     * drawn once, only the task that made the draw fans out: one inspection per target, for all the group's items.
     */
    public boolean dispatchRound(long taskId) {
        if (!coverage.fansOut(taskId)) {
            return false;
        }
        TaskView task = plans.task(taskId);
        List<Slot> left = remaining(taskId);
        long deadline = System.currentTimeMillis() + roundMillis;
        List<Future<Boolean>> slices = new ArrayList<>();
        for (int from = 0; from < left.size(); from += sliceSize) {
            List<Slot> slice = left.subList(from, Math.min(left.size(), from + sliceSize));
            // The first slice of each thread always runs, so that every round gets somewhere.
            boolean first = slices.size() < threadCount;
            slices.add(threads.submit(() -> (first || System.currentTimeMillis() < deadline) && start(task, slice)));
        }
        boolean more = false;
        RuntimeException failure = null;
        for (Future<Boolean> slice : slices) {
            try {
                more |= !slice.get();
            } catch (ExecutionException e) {
                // Wait for the other slices: what they started stays started, and the job's retry takes the rest.
                failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("派发检查被中断", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return more;
    }

    private List<Slot> remaining(long taskId) {
        long drawId = coverage.drawOf(taskId).orElseThrow(() -> new IllegalStateException("任务 " + taskId + " 尚未抽取"));
        Map<Long, List<String>> itemCodes = coverage.itemCodesByTarget(drawId);
        Set<String> started = inspections.codesOf(taskId);
        List<Slot> left = new ArrayList<>();
        jdbc.query("select position, target_id, inspector_ids from spotcheck.draw_assignment where draw_id = ? order by position",
                rs -> {
                    if (!started.contains(inspectionCode(taskId, rs.getInt(1)))) {
                        left.add(new Slot(rs.getInt(1), rs.getLong(2), Arrays.asList((Long[]) rs.getArray(3).getArray()),
                                itemCodes.get(rs.getLong(2))));
                    }
                }, drawId);
        return left;
    }

    /** Starts one slice in one engine command, so its instances are written together and commit together. */
    private boolean start(TaskView task, List<Slot> slice) {
        Set<Long> inspectorIds = new HashSet<>();
        slice.forEach(s -> inspectorIds.addAll(s.inspectorIds()));
        Map<Long, String> staffNos = inspectors.staffNumbers(inspectorIds);
        Map<Long, CandidateScan.TargetIdentity> identities = targets.identities(slice.stream().map(Slot::targetId).toList());
        schedule.dispatching(task, () -> engine.getCommandExecutorTxRequired().execute(context -> {
            for (Slot slot : slice) {
                CandidateScan.TargetIdentity target = identities.get(slot.targetId());
                runtimeService.createProcessInstanceByKey(InspectionProcess.KEY)
                        .businessKey(inspectionCode(task.id(), slot.position()))
                        .setVariable(InspectionProcess.SPOT_CHECK_TASK_ID, task.id())
                        // Plain strings, not serialized Java lists: thousands of instances, each variable three rows.
                        .setVariable(InspectionProcess.INSPECTOR_IDS, String.join(",", slot.inspectorIds().stream().map(staffNos::get).toList()))
                        // The rest is for the start alone (the inspection's row and its notice keep it), read here for
                        // the slice rather than once per instance, and transient: no rows in the engine, three fewer
                        // for each of them in every instance.
                        .setVariable(InspectionProcess.TARGET_ID, Variables.longValue(slot.targetId(), true))
                        .setVariable(InspectionProcess.ITEM_CODES, Variables.stringValue(String.join(",", slot.itemCodes()), true))
                        .setVariable(InspectionProcess.TARGET_NAME, Variables.stringValue(target == null ? "" : target.name(), true))
                        .setVariable(InspectionProcess.TARGET_CODE, Variables.stringValue(target == null ? "" : target.code(), true))
                        .setVariable(InspectionProcess.TARGET_ADDRESS, Variables.stringValue(target == null || target.address() == null ? "" : target.address(), true))
                        // The level it was drawn at, for the statistics of findings per credit level.
                        .setVariable(InspectionProcess.CREDIT_LEVEL, Variables.stringValue(target == null ? null : target.creditLevel(), true))
                        .execute();
            }
            return null;
        }));
        return true;
    }

    @Override
    public void destroy() {
        threads.shutdownNow();
    }
}
