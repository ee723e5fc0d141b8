package cn.spotcheck.disclosure;

import static cn.spotcheck.Fixtures.count;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import cn.spotcheck.ClusterNode;
import cn.spotcheck.NodeProcess;
import cn.spotcheck.SecondPlatform;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Results published while the receiving system is down, and the node sending them killed -9 in the middle of a send:
 * two nodes on one database, the first sending, the second taking over. Nothing is lost (every result stays due
 * until the receiver has it), nothing is doubled where it counts (the batch in flight at the kill is sent again with
 * the same keys, which the receiver drops), and the run needs no one: no incident, no restart of anything.
 */
class PublicationAcrossNodeKillTest {

    private static final int RESULTS = 100;
    private static final int BATCH = 40;

    enum Mode { DOWN, HOLD, OK }

    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.DOWN);
    private final Map<String, Integer> received = new ConcurrentHashMap<>();
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void resultsPublishedWhileTheReceiverIsDownArriveOnceAcrossTheKillOfTheNodeSendingThem() throws Exception {
        HttpServer receiver = Receivers.start(this::receive);
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off").start()) {
            List<String> settings = new ArrayList<>(List.of(
                    "--spring.datasource.url=" + server.getJdbcUrl("postgres", "postgres"), "--spring.datasource.username=postgres",
                    "--spotcheck.publication.channels[0].name=gsxt",
                    "--spotcheck.publication.channels[0].title=国家企业信用信息公示系统",
                    "--spotcheck.publication.channels[0].type=http",
                    "--spotcheck.publication.channels[0].url=" + Receivers.url(receiver),
                    "--spotcheck.publication.channels[0].token=secret-token",
                    "--spotcheck.publication.channels[0].timeout=PT60S",
                    "--spotcheck.publication.batch-size=" + BATCH));
            List<String> codes;
            try (ConfigurableApplicationContext setup = SecondPlatform.start(new String[] {"demo", "test"}, dataDir.resolve("setup"),
                    "publicationSetup", settings.toArray(String[]::new))) {
                // Published with no job executor running: the channel's run waits for the nodes.
                long targetId = setup.getBean(JdbcTemplate.class).queryForObject("select min(id) from spotcheck.target", Long.class);
                codes = PublishedResults.publish(setup, "JC-905", RESULTS, targetId);
            }
            JdbcTemplate db = new JdbcTemplate(server.getPostgresDatabase());
            // Short locks, so that the survivor does not wait the default five minutes; a job executor that looks often.
            settings.addAll(List.of("--camunda.bpm.job-execution.lock-time-in-millis=10000",
                    "--camunda.bpm.job-execution.max-wait=1000", "--camunda.bpm.job-execution.wait-time-in-millis=500"));
            Path log = dataDir.resolve("nodes.log");

            NodeProcess a = ClusterNode.launch(log, dataDir.resolve("a"), "node-a", settings);
            NodeProcess b = null;
            try {
                a.await("READY", 300);
                // The receiver is down: the attempt fails, the results stay due, the engine retries later.
                ClusterNode.waitFor(() -> count(db, "select count(*) from spotcheck.publication_delivery where last_error like '%答复 503%'") == BATCH, 120);
                assertThat(count(db, "select count(*) from spotcheck.publication_delivery where status = 'PENDING'")).isEqualTo(RESULTS);

                // It comes back slowly: it takes the next batch and has not answered when the node is killed.
                mode.set(Mode.HOLD);
                retryNow(db);
                assertThat(held.await(60, TimeUnit.SECONDS)).as("node-a sent a batch").isTrue();
                a.killHard();
                assertThat(db.queryForObject("select lock_owner_ from act_ru_job where process_def_key_ = ?", String.class,
                        PublicationDelivery.PROCESS)).as("the run's job, still held by the dead node").isEqualTo("node-a");

                // Down again while the second node takes the run over, once the dead node's lock has expired.
                mode.set(Mode.DOWN);
                release.countDown();
                b = ClusterNode.launch(log, dataDir.resolve("b"), "node-b", settings);
                b.await("READY", 300);
                ClusterNode.waitFor(() -> count(db, "select count(*) from act_hi_job_log where process_def_key_ = '" + PublicationDelivery.PROCESS
                        + "' and job_state_ = 1 and hostname_ = 'node-b'") == 1, 120);
                assertThat(count(db, "select count(*) from spotcheck.publication_delivery where status = 'PENDING'"))
                        .as("nothing marked delivered that the receiver did not confirm").isEqualTo(RESULTS);

                // The receiver is back: the survivor delivers everything, the batch of the kill again, under its keys.
                mode.set(Mode.OK);
                retryNow(db);
                ClusterNode.waitFor(() -> count(db, "select count(*) from act_ru_execution where proc_def_id_ like '"
                        + PublicationDelivery.PROCESS + ":%'") == 0, 120);

                assertThat(received.keySet().stream().map(k -> k.substring(0, k.indexOf(':'))).toList())
                        .as("each result arrived").containsExactlyInAnyOrderElementsOf(codes);
                int repeats = received.values().stream().mapToInt(n -> n - 1).sum();
                assertThat(repeats).as("sent again: only the batch in flight at the kill, dropped by its key").isEqualTo(BATCH);
                assertThat(db.queryForList("select distinct status from spotcheck.publication_delivery", String.class)).containsExactly("DELIVERED");
                assertThat(db.queryForList("select distinct status from spotcheck.publicity_outbox", String.class)).containsExactly("DELIVERED");
                assertThat(count(db, "select count(*) from act_ru_incident")).as("incidents").isZero();
                assertThat(count(db, "select count(*) from act_hi_job_log where process_def_key_ = '" + PublicationDelivery.PROCESS
                        + "' and job_state_ = 2 and hostname_ = 'node-b'")).as("delivered by the survivor").isPositive();
            } finally {
                release.countDown();
                a.killHard();
                if (b != null) {
                    b.killHard();
                }
            }
        } finally {
            receiver.stop(0);
        }
    }

    /** As if the engine's retry interval (a minute, then five…) had passed. */
    private static void retryNow(JdbcTemplate db) throws InterruptedException {
        ClusterNode.waitFor(() -> count(db, "select count(*) from act_ru_job where process_def_key_ = '" + PublicationDelivery.PROCESS
                + "' and lock_owner_ is null") == 1, 60);
        db.update("update act_ru_job set duedate_ = now() where process_def_key_ = ?", PublicationDelivery.PROCESS);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = json.readTree(exchange.getRequestBody());
            switch (mode.get()) {
                case DOWN -> Receivers.answer(exchange, 503, "接口维护中");
                case HOLD -> {
                    take(body);
                    held.countDown();
                    release.await(120, TimeUnit.SECONDS);
                }
                case OK -> {
                    take(body);
                    Receivers.answer(exchange, 200, "{\"accepted\":true}");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the sender is gone (killed while it waited for the answer)
        }
    }

    private void take(JsonNode body) {
        body.path("records").forEach(r -> received.merge(r.path("idempotencyKey").asText(), 1, Integer::sum));
    }
}
