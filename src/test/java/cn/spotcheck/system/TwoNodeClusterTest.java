package cn.spotcheck.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.spotcheck.ClusterNode;
import cn.spotcheck.GeneratedDirectory;
import cn.spotcheck.NodeProcess;
import cn.spotcheck.SecondPlatform;
import cn.spotcheck.draw.InspectorDraws;
import cn.spotcheck.draw.TargetDraws;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two platform nodes, each in a JVM of its own with its job executor, on one PostgreSQL: Camunda's homogeneous
 * cluster. A draw's fan-out and two hundred timers are shared between them; one node is killed with -9 in the
 * middle, holding jobs, and the other takes them up when their locks expire. Every job ran exactly once (the
 * engine's job log), both nodes ran some, every timer fired once, every inspection was started once, and nothing
 * failed.
 */
class TwoNodeClusterTest {

    private static final int TIMERS = 200;

    @TempDir
    Path dataDir;

    @Test
    void twoNodesShareTheJobsAndOneTakesOverWhatTheKilledOneHeld() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off").start()) {
            String[] database = {"--spring.datasource.url=" + server.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres"};
            long taskId;
            long drawn;
            try (ConfigurableApplicationContext setup = SecondPlatform.start(dataDir.resolve("setup"), "clusterSetup", database)) {
                JdbcTemplate jdbc = setup.getBean(JdbcTemplate.class);
                GeneratedDirectory.fillTargets(jdbc, 4_000);
                GeneratedDirectory.addInspectors(jdbc, 60, 0);
                taskId = GeneratedDirectory.publishedTask(setup, "0.1");
                setup.getBean(TargetDraws.class).draw(taskId);
                setup.getBean(InspectorDraws.class).draw(taskId);
                drawn = jdbc.queryForObject("select count(*) from spotcheck.draw_assignment", Long.class);
                // Without a job executor here: the fan-out's job and the timers wait for the nodes.
                GeneratedDirectory.confirmDraw(setup, taskId);
                setup.getBean(RepositoryService.class).createDeployment().addModelInstance("cluster-timers.bpmn",
                        Bpmn.createExecutableProcess("clusterTimers").camundaHistoryTimeToLive(1).startEvent()
                                .intermediateCatchEvent().timerWithDuration("PT5S").endEvent().done()).deploy();
                RuntimeService runtime = setup.getBean(RuntimeService.class);
                for (int i = 0; i < TIMERS; i++) {
                    runtime.startProcessInstanceByKey("clusterTimers", "timer-" + i);
                }
            }

            JdbcTemplate db = new JdbcTemplate(server.getPostgresDatabase());
            Path log = dataDir.resolve("nodes.log");
            // Short locks, so that the survivor does not wait the default five minutes; small rounds of the fan-out, so
            // that it is many jobs rather than one.
            List<String> settings = List.of(database[0], database[1], "--camunda.bpm.job-execution.lock-time-in-millis=15000",
                    "--spotcheck.dispatch.batch-size=10", "--spotcheck.dispatch.round-seconds=1", "--spotcheck.dispatch.threads=1");
            NodeProcess a = NodeProcess.launch(log, ClusterNode.class, args(dataDir.resolve("a"), "node-a", settings));
            NodeProcess b = NodeProcess.launch(log, ClusterNode.class, args(dataDir.resolve("b"), "node-b", settings));
            try {
                a.await("READY", 300);
                b.await("READY", 300);
                waitFor(() -> ranOn(db, "node-a") >= 20, 300);
                a.killHard();
                long byAAtKill = ranOn(db, "node-a");
                waitFor(() -> count(db, "select count(*) from spotcheck.inspection where task_id = ?", taskId) == drawn
                        && count(db, "select count(*) from act_hi_procinst where proc_def_key_ = 'clusterTimers' and end_time_ is not null", null) == TIMERS
                        && count(db, "select count(*) from act_ru_job where lock_owner_ is not null or (duedate_ is null or duedate_ <= now())", null) == 0,
                        300);

                assertThat(db.queryForList("select job_id_ from act_hi_job_log where job_state_ = 2 group by job_id_ having count(*) > 1",
                        String.class)).as("jobs that ran twice").isEmpty();
                assertThat(count(db, "select count(distinct job_id_) from act_hi_job_log where job_state_ = 2 and process_def_key_ = 'clusterTimers'", null))
                        .as("timers fired, each once").isEqualTo(TIMERS);
                Map<String, Object> byNode = db.queryForMap("""
                        select count(*) filter (where hostname_ = 'node-a') a, count(*) filter (where hostname_ = 'node-b') b
                        from act_hi_job_log where job_state_ = 2""");
                System.out.printf("two-node cluster: node-a ran %d jobs before it was killed, node-b %d; %d inspections, %d timers%n",
                        byNode.get("a"), byNode.get("b"), drawn, TIMERS);
                assertThat((Long) byNode.get("a")).as("jobs node-a ran before it was killed").isEqualTo(byAAtKill).isPositive();
                assertThat((Long) byNode.get("b")).as("jobs node-b ran").isPositive();
                assertThat(count(db, "select count(*) from act_ru_incident", null)).as("incidents").isZero();
                assertThat(count(db, "select count(distinct target_id) from spotcheck.inspection where task_id = ?", taskId)).isEqualTo(drawn);
                assertThat(count(db, "select count(*) from act_hi_procinst where business_key_ like ?", "JC-" + taskId + "-%")).isEqualTo(drawn);
                assertThat(count(db, "select count(*) from spotcheck.issued_document where kind = 'inspection-notice' and reference like ?",
                        "JC-" + taskId + "-%")).isEqualTo(drawn);
            } finally {
                a.killHard();
                b.killHard();
            }
        }
    }

    private static String[] args(Path dataDir, String name, List<String> settings) {
        String[] args = new String[settings.size() + 2];
        args[0] = dataDir.toString();
        args[1] = name;
        for (int i = 0; i < settings.size(); i++) {
            args[i + 2] = settings.get(i);
        }
        return args;
    }

    private static long ranOn(JdbcTemplate db, String node) {
        return count(db, "select count(*) from act_hi_job_log where job_state_ = 2 and hostname_ = ?", node);
    }

    private static long count(JdbcTemplate db, String sql, Object arg) {
        Long n = arg == null ? db.queryForObject(sql, Long.class) : db.queryForObject(sql, Long.class, arg);
        return n == null ? 0 : n;
    }

    private static void waitFor(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("等待超过 " + seconds + " 秒");
            }
            Thread.sleep(500);
        }
    }
}
