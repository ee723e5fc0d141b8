package cn.spotcheck.bench;

import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.spotcheck.GeneratedDirectory;
import cn.spotcheck.PlatformNode;
import cn.spotcheck.SecondPlatform;
import cn.spotcheck.draw.InspectionDispatch;
import cn.spotcheck.draw.InspectorDraws;
import cn.spotcheck.draw.TargetDraws;

/**
 * The fan-out alone, quick enough to compare two versions within the hour: one dispatch round of a drawn task
 * (-Dbench.seconds, 25 by default) in this JVM, then the engine's own starts of a bare one-user-task process, 500
 * to a transaction, in the same JVM and database: their ratio is the figure. The drawn directory (400,000
 * targets, ~12,000 drawn) is built once into -Dbench.template (default: a directory under the system's temporary
 * one) and copied for each run, so every run starts from the same state. With -Dbench.statements=true it prints
 * the statements that took PostgreSQL's time; -Dbench.threads=N dispatches on N threads (default: one per core).
 * <pre>
 * ./mvnw -B -q test-compile exec:java -Dexec.mainClass=cn.spotcheck.bench.FanOutBench -Dexec.classpathScope=test
 * </pre>
 */
public final class FanOutBench {

    private FanOutBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean statements = Boolean.getBoolean("bench.statements");
        Path dataDir = BenchTemplate.of("fanout", FanOutBench::build).copy("spotcheck-fanout");
        try (ConfigurableApplicationContext app = SecondPlatform.start(dataDir, "fanout", PlatformNode.settings(List.of(
                "--camunda.bpm.job-execution.enabled=false", "--spotcheck.dispatch.round-seconds=" + Integer.getInteger("bench.seconds", 25),
                "--spotcheck.embedded-db.statement-statistics=" + statements, "--spotcheck.dispatch.threads=" + Integer.getInteger("bench.threads", 0))))) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long taskId = jdbc.queryForObject("select max(id) from spotcheck.spot_check_task", Long.class);
            GeneratedDirectory.confirmDraw(app, taskId);
            if (statements) {
                StatementStatistics.reset(jdbc);
            }
            jdbc.execute("checkpoint");
            long t0 = System.nanoTime();
            app.getBean(InspectionDispatch.class).dispatchRound(taskId);
            double seconds = (System.nanoTime() - t0) / 1e9;
            int dispatched = jdbc.queryForObject("select count(*) from spotcheck.inspection where task_id = ?", Integer.class, taskId);
            if (statements) {
                StatementStatistics.print(jdbc, 25);
            }
            double bare = bareBatched(app, 10_000);
            double ours = dispatched / seconds;
            System.out.printf("派发 %d 项检查 %.1f s：%.0f 个/秒；引擎原生启动单用户任务流程（每 500 个一个事务）%.0f 个/秒；本平台/原生 = %.3f%n",
                    dispatched, seconds, ours, bare, ours / bare);
        } finally {
            BenchTemplate.delete(dataDir);
        }
        System.exit(0);
    }

    private static double bareBatched(ConfigurableApplicationContext app, int count) {
        app.getBean(RepositoryService.class).createDeployment().addModelInstance("bare.bpmn",
                Bpmn.createExecutableProcess("bare").camundaHistoryTimeToLive(1).startEvent().userTask("work").endEvent().done()).deploy();
        app.getBean(JdbcTemplate.class).execute("checkpoint");
        return count / (PlatformNode.startBareBatched(app, count) / 1e9);
    }

    /** A directory of 400,000 targets, a published task drawn at 3 %, two inspectors each: built once. */
    private static void build(Path template) {
        try (ConfigurableApplicationContext app = BenchTemplate.withDirectory(template, "fanout-template", 400_000, 2000, 2000)) {
            long taskId = GeneratedDirectory.publishedTask(app, "0.03");
            app.getBean(TargetDraws.class).draw(taskId);
            app.getBean(InspectorDraws.class).draw(taskId);
        }
    }
}
