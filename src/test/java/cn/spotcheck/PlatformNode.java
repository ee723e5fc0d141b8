package cn.spotcheck;

import static cn.spotcheck.Fixtures.count;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;


/**
 * A platform node that fans out a confirmed draw, in a JVM of its own so that a test or the benchmark can kill it
 * with -9 in the middle and start another on the same data directory ({@link NodeProcess}). Talks to its parent in
 * lines starting with {@code @@}: READY once started, PROGRESS as inspections appear, then what it finds when all
 * are there, and — if asked — the plain engine's rate for a bare one-user-task process.
 * <p>Arguments: data directory, task id, number of inspections expected, number of bare instances to start (0: none),
 * then any settings ({@code --spotcheck.dispatch.threads=1}), which replace the defaults of the same name.
 */
public final class PlatformNode {

    private PlatformNode() {
    }

    /** How a node runs: with its job executor and production settings, unless a setting says otherwise. */
    public static String[] settings(List<String> overrides) {
        Map<String, String> settings = new LinkedHashMap<>();
        // Production settings, not the tests' small and throwaway ones.
        for (String setting : List.of("--camunda.bpm.job-execution.enabled=true", "--logging.level.root=warn",
                "--spotcheck.dispatch.batch-size=500", "--spotcheck.dispatch.round-seconds=120", "--spotcheck.publication.batch-size=500",
                "--spotcheck.embedded-db.durable=true", "--spotcheck.embedded-db.shared-buffers=512MB")) {
            settings.put(setting.substring(0, setting.indexOf('=')), setting);
        }
        // A name given twice on Spring's command line would read as "a,b": an override replaces the default.
        overrides.stream().filter(o -> !o.isBlank()).forEach(o -> settings.put(o.contains("=") ? o.substring(0, o.indexOf('=')) : o, o));
        return settings.values().toArray(String[]::new);
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        long taskId = Long.parseLong(args[1]);
        int expected = Integer.parseInt(args[2]);
        int bare = Integer.parseInt(args[3]);
        ConfigurableApplicationContext app = SecondPlatform.start(dataDir, "node",
                settings(Arrays.asList(args).subList(4, args.length)));
        say("READY");
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        long started;
        do {
            Thread.sleep(200);
            started = count(jdbc, "select count(*) from spotcheck.inspection where task_id = ?", taskId);
            say("PROGRESS " + started);
        } while (started < expected);
        say("DONE");
        // Every way a duplicate could show: a second process instance, a second inspection of one target, a second
        // notice, a second inspector task, or history of an instance rolled back with its slice.
        say("CHECK " + String.join(" ",
                "inspections=" + started,
                "targets=" + count(jdbc, "select count(distinct target_id) from spotcheck.inspection where task_id = ?", taskId),
                "instances=" + count(jdbc, "select count(*) from act_ru_execution where id_ = proc_inst_id_ and business_key_ like ?", "JC-" + taskId + "-%"),
                "businessKeys=" + count(jdbc, "select count(distinct business_key_) from act_ru_execution where id_ = proc_inst_id_ and business_key_ like ?", "JC-" + taskId + "-%"),
                "historicInstances=" + count(jdbc, "select count(*) from act_hi_procinst where business_key_ like ?", "JC-" + taskId + "-%"),
                "onSiteTasks=" + count(jdbc, "select count(*) from act_ru_task where task_def_key_ = 'onSiteInspection' and proc_inst_id_ in "
                        + "(select id_ from act_ru_execution where business_key_ like ?)", "JC-" + taskId + "-%"),
                "notices=" + count(jdbc, "select count(*) from spotcheck.issued_document where kind = 'inspection-notice' and reference like ?", "JC-" + taskId + "-%")));
        if (bare > 0) {
            baselines(app, jdbc, taskId, bare);
        }
        app.close();
        System.exit(0);
    }

    /** The plain engine's rates on this same node, for the benchmark to compare the fan-out with. */
    private static void baselines(ConfigurableApplicationContext app, JdbcTemplate jdbc, long taskId, int bare) {
        app.getBean(RepositoryService.class).createDeployment().addModelInstance("bare.bpmn",
                Bpmn.createExecutableProcess("bare").camundaHistoryTimeToLive(1).startEvent().userTask("work").endEvent().done()).deploy();
        RuntimeService runtimeService = app.getBean(RuntimeService.class);
        long t0 = System.nanoTime();
        for (int i = 1; i <= bare; i++) {
            // The plain way: one call, one transaction.
            runtimeService.startProcessInstanceByKey("bare", "bare-" + i);
        }
        say("BARE " + bare + " " + (System.nanoTime() - t0) / 1_000_000);
        say("BARE_BATCHED " + bare + " " + startBareBatched(app, bare) / 1_000_000);
        // And the inspection process itself, with what the dispatcher gives it, one call after another: what the
        // fan-out's slices and threads add to (or take from) the engine's own way.
        List<Map<String, Object>> sample = jdbc.queryForList("""
                select a.target_id, t.name, t.uscc, (select string_agg(i.staff_no, ',') from spotcheck.inspector i
                                                      where i.id = any(a.inspector_ids)) as inspectors
                from spotcheck.draw_assignment a join spotcheck.target t on t.id = a.target_id
                order by a.position limit ?""", Math.min(bare, 5000));
        String itemCodes = String.join(",", app.getBean(cn.spotcheck.plan.AnnualPlans.class).task(taskId).itemCodes());
        long t2 = System.nanoTime();
        int n = 0;
        for (Map<String, Object> row : sample) {
            runtimeService.createProcessInstanceByKey("inspection").businessKey("PLAIN-" + (++n))
                    .setVariable("taskId", taskId).setVariable("targetId", row.get("target_id"))
                    .setVariable("itemCodes", itemCodes).setVariable("inspectorUserIds", row.get("inspectors"))
                    .setVariable("targetName", row.get("name")).setVariable("targetCode", row.get("uscc"))
                    .execute();
        }
        say("PLAIN_INSPECTION " + n + " " + (System.nanoTime() - t2) / 1_000_000);
    }

    /**
     * Starts {@code count} bare one-user-task processes (deployed as "bare") 500 to a transaction, as a caller who
     * knows the engine would write it; answers the nanoseconds it took.
     */
    public static long startBareBatched(ConfigurableApplicationContext app, int count) {
        RuntimeService runtimeService = app.getBean(RuntimeService.class);
        TransactionTemplate tx = app.getBean(TransactionTemplate.class);
        long t0 = System.nanoTime();
        for (int from = 0; from < count; from += 500) {
            int first = from;
            tx.executeWithoutResult(s -> {
                for (int i = first; i < Math.min(count, first + 500); i++) {
                    runtimeService.startProcessInstanceByKey("bare", "bare-batched-" + i);
                }
            });
        }
        return System.nanoTime() - t0;
    }

    private static void say(String line) {
        System.out.println("@@ " + line);
        System.out.flush();
    }
}
