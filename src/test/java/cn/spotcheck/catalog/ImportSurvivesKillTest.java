package cn.spotcheck.catalog;

import static cn.spotcheck.Fixtures.count;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.spotcheck.ClusterNode;
import cn.spotcheck.NodeProcess;
import cn.spotcheck.TargetUploads;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The node importing a directory is killed with -9 while the rows go in (the process gone, no orderly stop): the
 * import leaves all of its rows or none — no target, no history entry of it — and the same file imported again on a
 * new node goes in whole, every row new, as if the first attempt had never been.
 */
class ImportSurvivesKillTest {

    private static final int ROWS = 60_000;
    private static final int FIRST_CODE = 600_000;

    /** Kept when the test fails: the nodes' logs are in it. */
    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path dataDir;

    @Test
    void anImportCutByAKillLeavesNothingAndGoesInWholeAfterwards() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start()) {
            JdbcTemplate db = new JdbcTemplate(server.getPostgresDatabase());
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String url = server.getJdbcUrl("postgres", "postgres");

            int firstPort = NodeProcess.freePort();
            NodeProcess first = node("first", firstPort, url);
            long targets;
            long history;
            CompletableFuture<HttpResponse<String>> cut;
            try {
                first.await("READY", 300);
                targets = count(db, "select count(*) from spotcheck.target");
                history = count(db, "select count(*) from spotcheck.change_record where register = 'TARGET'");
                long size = tableBytes(db);
                cut = client.sendAsync(TargetUploads.csv("http://localhost:" + firstPort, FIRST_CODE, ROWS), HttpResponse.BodyHandlers.ofString());
                // Killed once the import has written a sixth or so of its rows (uncommitted, they are invisible to a
                // count, but the table's file grows with them), well before it could end.
                long sent = System.nanoTime();
                ClusterNode.waitFor(() -> tableBytes(db) - size >= 2 << 20, 120);
                first.killHard();
                System.out.printf("import cut by kill -9: %d ms after the upload, %d KB of rows written and not committed%n",
                        (System.nanoTime() - sent) / 1_000_000, (tableBytes(db) - size) >> 10);
            } finally {
                first.killHard();
            }
            assertThat(cut.handle((answer, failure) -> answer == null ? "cut off" : answer.statusCode() + " " + answer.body()).get())
                    .as("the killed node never answered").isEqualTo("cut off");
            // PostgreSQL rolls back the transaction of a connection whose client has gone.
            ClusterNode.waitFor(() -> count(db, "select count(*) from pg_stat_activity where xact_start is not null and pid <> pg_backend_pid() "
                    + "and datname = current_database()") == 0, 60);
            assertThat(count(db, "select count(*) from spotcheck.target")).as("targets after the kill").isEqualTo(targets);
            assertThat(count(db, "select count(*) from spotcheck.change_record where register = 'TARGET'")).as("history after the kill").isEqualTo(history);

            int secondPort = NodeProcess.freePort();
            NodeProcess second = node("second", secondPort, url);
            try {
                second.await("READY", 300);
                HttpResponse<String> again = client.send(TargetUploads.csv("http://localhost:" + secondPort, FIRST_CODE, ROWS),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
                JsonNode report = new ObjectMapper().readTree(again.body());
                assertThat(List.of(report.get("imported").asInt(), report.get("updated").asInt(), report.get("rejected").size()))
                        .as("every row new, none already there from the first attempt").containsExactly(ROWS, 0, 0);
                assertThat(count(db, "select count(*) from spotcheck.target")).isEqualTo(targets + ROWS);
                assertThat(count(db, "select count(*) from spotcheck.change_record where register = 'TARGET'")).isEqualTo(history + ROWS);
            } finally {
                second.killHard();
            }
        }
    }

    private NodeProcess node(String name, int port, String databaseUrl) throws java.io.IOException {
        return ClusterNode.launch(dataDir.resolve(name + ".log"), dataDir.resolve(name), name, List.of("--web", "--demo",
                "--server.port=" + port, "--spring.datasource.url=" + databaseUrl, "--spring.datasource.username=postgres"));
    }

    private static long tableBytes(JdbcTemplate db) {
        return count(db, "select pg_relation_size('spotcheck.target')");
    }
}
