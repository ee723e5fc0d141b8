package cn.spotcheck.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.spotcheck.GeneratedDirectory;
import cn.spotcheck.NodeProcess;
import cn.spotcheck.SecondPlatform;

/**
 * A node killed with -9 in the middle of a fan-out, and started again on the same data directory, finishes the
 * fan-out with every inspection started exactly once — nothing lost with the killed node's open transactions, nothing
 * started twice by the node that takes over.
 */
class FanOutSurvivesKillTest {

    @TempDir
    Path dataDir;

    @Test
    void aNodeKilledInTheMiddleOfAFanOutAndStartedAgainStartsEveryInspectionOnce() throws Exception {
        long taskId;
        long drawn;
        try (ConfigurableApplicationContext app = SecondPlatform.start(dataDir, "killTest")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            GeneratedDirectory.fillTargets(jdbc, 20_000);
            GeneratedDirectory.addInspectors(jdbc, 60, 200);
            taskId = GeneratedDirectory.publishedTask(app, "0.05");
            app.getBean(TargetDraws.class).draw(taskId);
            app.getBean(InspectorDraws.class).draw(taskId);
            drawn = jdbc.queryForObject("select count(*) from spotcheck.draw_assignment", Long.class);
            // The tests' platform runs no job executor: the fan-out job waits for the node.
            GeneratedDirectory.confirmDraw(app, taskId);
        }
        // Small slices on one thread, so that the kill lands between committed slices and inside an open one.
        String[] node = {dataDir.toString(), String.valueOf(taskId), String.valueOf(drawn), "0",
                "--spotcheck.dispatch.batch-size=5", "--spotcheck.dispatch.threads=1"};
        Path log = dataDir.resolve("nodes.log");

        NodeProcess first = NodeProcess.launch(log, node);
        long beforeKill;
        try {
            first.await("READY", 300);
            beforeKill = first.awaitProgress(drawn / 3, 300);
        } finally {
            first.killHard();
        }
        assertThat(beforeKill).as("killed in the middle of the fan-out").isLessThan(drawn);

        NodeProcess second = NodeProcess.launch(log, node);
        Map<String, Long> found = new HashMap<>();
        try {
            second.await("READY", 300);
            second.await("DONE", 300);
            for (String pair : second.await("CHECK", 60).substring("CHECK ".length()).split(" ")) {
                found.put(pair.substring(0, pair.indexOf('=')), Long.parseLong(pair.substring(pair.indexOf('=') + 1)));
            }
            second.awaitExit();
        } finally {
            second.killHard();
        }
        assertThat(found).as("every count that would show a duplicate or a loss (log: " + log + ")")
                .containsOnlyKeys("inspections", "targets", "instances", "businessKeys", "historicInstances", "onSiteTasks", "notices")
                .allSatisfy((what, n) -> assertThat(n).as(what).isEqualTo(drawn));
    }
}
