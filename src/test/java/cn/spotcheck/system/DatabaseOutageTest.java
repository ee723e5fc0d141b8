package cn.spotcheck.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.spotcheck.ClusterNode;
import cn.spotcheck.NodeProcess;
import cn.spotcheck.TargetUploads;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The database stops for 30 seconds under a running platform (its own JVM, pages and API): meanwhile every request
 * is answered within seconds with 503 and a Chinese message (never a hang, a 500 or a stack trace), the health check
 * says so, an import caught by the stop leaves all its rows or none, and once the database is back the platform
 * answers again without a restart.
 */
class DatabaseOutageTest {

    private static final int IMPORT_ROWS = 30_000;

    /** Kept when the test fails: the node's log is in it. */
    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path dataDir;

    @Test
    void theDatabaseAwayForThirtySecondsIsAnsweredWith503AndThePlatformRecoversByItself() throws Exception {
        Path pgData = dataDir.resolve("pg");
        int pgPort = NodeProcess.freePort();
        int webPort = NodeProcess.freePort();
        EmbeddedPostgres server = database(pgData, pgPort);
        NodeProcess node = NodeProcess.launch(dataDir.resolve("node.log"), ClusterNode.class, dataDir.resolve("node").toString(), "web-node",
                "--web", "--demo", "--server.port=" + webPort, "--spring.datasource.url=jdbc:postgresql://localhost:" + pgPort + "/postgres",
                "--spring.datasource.username=postgres");
        String base = "http://localhost:" + webPort;
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            node.await("READY", 300);
            assertThat(get(client, base + "/api/items").statusCode()).isEqualTo(200);
            long before = targets(server);

            // An import of many rows in flight when the database goes.
            CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(TargetUploads.csv(base, 200_000, IMPORT_ROWS), HttpResponse.BodyHandlers.ofString());
            Thread.sleep(1500);
            long stoppedAt = System.nanoTime();
            server.close();

            long t0 = System.nanoTime();
            HttpResponse<String> api = get(client, base + "/api/items");
            long apiMillis = (System.nanoTime() - t0) / 1_000_000;
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.body()).contains("数据库暂时无法连接").doesNotContain("Exception");
            assertThat(api.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(apiMillis).as("answered, not left hanging").isLessThan(15_000);

            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/plans")).header("Accept", "text/html")
                    .header("Authorization", TargetUploads.basic("fagui")).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).contains("数据库暂时无法连接").doesNotContain("Exception");
            HttpResponse<String> upload = client.send(TargetUploads.csv(base, 400_000, 3), HttpResponse.BodyHandlers.ofString());
            assertThat(upload.statusCode()).isEqualTo(503);
            assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(503);
            HttpResponse<String> interrupted = inFlight.get();
            assertThat(interrupted.statusCode()).as("the import caught by the stop: %s", interrupted.body()).isIn(200, 503);

            Thread.sleep(Math.max(0, 30_000 - (System.nanoTime() - stoppedAt) / 1_000_000));
            server = database(pgData, pgPort);

            long back = System.nanoTime();
            int status = 0;
            while (status != 200 && System.nanoTime() - back < 60_000_000_000L) {
                status = get(client, base + "/api/items").statusCode();
                if (status != 200) {
                    Thread.sleep(500);
                }
            }
            assertThat(status).as("answering again without a restart").isEqualTo(200);
            System.out.printf("database outage: 503 after %d ms; answering again %d ms after the database was back%n", apiMillis,
                    (System.nanoTime() - back) / 1_000_000);

            long after = targets(server);
            assertThat(after - before).as("the interrupted import: all its rows or none (%s)", interrupted.statusCode())
                    .isIn(0L, interrupted.statusCode() == 200 ? (long) IMPORT_ROWS : 0L);
            assertThat(client.send(TargetUploads.csv(base, 400_010, 3), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(targets(server)).isEqualTo(after + 3);
        } finally {
            node.killHard();
            server.close();
        }
    }

    private static EmbeddedPostgres database(Path data, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("fsync", "off").start();
    }

    private static long targets(EmbeddedPostgres server) {
        return new JdbcTemplate(server.getPostgresDatabase()).queryForObject("select count(*) from spotcheck.target", Long.class);
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", TargetUploads.basic("fagui")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
