package cn.spotcheck.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.spotcheck.GeneratedDirectory;
import cn.spotcheck.PlatformNode;
import cn.spotcheck.SecondPlatform;
import cn.spotcheck.draw.DrawVerification;
import cn.spotcheck.draw.DrawViews;
import cn.spotcheck.draw.InspectorDraws;
import cn.spotcheck.draw.TargetDraws;

/**
 * The persisted draw against PostgreSQL's {@code ORDER BY random() LIMIT n} over the same million candidates, as
 * {@code PlatformBench} measures it, quick to repeat: the directory (1,000,000 targets, 5,000 inspectors, 10,000
 * recusals, -Dbench.draws published tasks alike, 5 by default) is built once into -Dbench.template and copied for
 * each run. A run draws each task once in a fresh JVM — the first draw is what a freshly started server does, the
 * later ones what a server that has drawn before does — each followed by the baseline query. With
 * -Dbench.statements=true it prints the statements that took PostgreSQL's time.
 * <pre>
 * ./mvnw -B -q test-compile exec:java -Dexec.mainClass=cn.spotcheck.bench.PersistedDrawBench -Dexec.classpathScope=test
 * </pre>
 */
public final class PersistedDrawBench {

    private static final int DRAWS = Integer.getInteger("bench.draws", 5);

    private PersistedDrawBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean statements = Boolean.getBoolean("bench.statements");
        Path dataDir = BenchTemplate.of("draw", PersistedDrawBench::build).copy("spotcheck-draw");
        try (ConfigurableApplicationContext app = SecondPlatform.start(dataDir, "draw", PlatformNode.settings(List.of(
                "--camunda.bpm.job-execution.enabled=false", "--spotcheck.embedded-db.statement-statistics=" + statements)))) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            if (statements) {
                StatementStatistics.reset(jdbc);
            }
            List<Long> tasks = jdbc.queryForList("select id from spotcheck.spot_check_task order by id", Long.class);
            List<String> lines = new ArrayList<>();
            for (long taskId : tasks) {
                long t0 = System.nanoTime();
                app.getBean(TargetDraws.class).draw(taskId);
                long t1 = System.nanoTime();
                app.getBean(InspectorDraws.class).draw(taskId);
                long t2 = System.nanoTime();
                int drawn = jdbc.queryForObject("select count(*) from spotcheck.draw_assignment a join spotcheck.draw_task d "
                        + "on d.draw_id = a.draw_id where d.task_id = ?", Integer.class, taskId);
                long t3 = System.nanoTime();
                jdbc.queryForList("select id from spotcheck.target where operating_status = '在营' and category = any(?) "
                        + "order by random() limit ?", Long.class, GeneratedDirectory.CATEGORIES, drawn);
                long t4 = System.nanoTime();
                boolean valid = app.getBean(DrawVerification.class).verify(app.getBean(DrawViews.class).ofTask(taskId).id()).valid();
                String line = String.format("抽中 %d 户：抽取检查对象 %.2f s + 抽取执法人员 %.2f s = %.2f s；ORDER BY random() %.2f s；本平台/对照 = %.2f；复核%s",
                        drawn, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t2 - t0) / 1e9, (t4 - t3) / 1e9, (double) (t2 - t0) / (t4 - t3),
                        valid ? "一致" : "不一致");
                lines.add(line);
                System.out.println(line);
            }
            if (statements) {
                StatementStatistics.print(jdbc, 15);
            }
            System.out.println("\n===== 抽取基准（第 1 次为新启动的 JVM）=====");
            lines.forEach(System.out::println);
        } finally {
            BenchTemplate.delete(dataDir);
        }
        System.exit(0);
    }

    /** The million, the inspectors and recusals, and the published tasks, as PlatformBench builds them. */
    private static void build(Path template) {
        try (ConfigurableApplicationContext app = BenchTemplate.withDirectory(template, "draw-template", 1_000_000, 5000, 10_000)) {
            GeneratedDirectory.publishedTasks(app, "0.03", DRAWS);
        }
    }
}
