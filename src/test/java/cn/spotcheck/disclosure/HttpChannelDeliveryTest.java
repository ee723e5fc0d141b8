package cn.spotcheck.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import cn.spotcheck.SecondPlatform;

/**
 * The interface channel against a receiver started here that hangs up, answers too late, answers 500 and then
 * recovers: every published result arrives, and the receiver takes each once (a repeat after a lost answer carries the
 * same key and is dropped there). After the last retry the run stands as an incident until it is retried.
 */
class HttpChannelDeliveryTest {

    enum Mode { HANG_UP, TOO_LATE, ERROR, OK }

    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.HANG_UP);
    private final Map<String, Integer> received = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final ObjectMapper json = new ObjectMapper();
    /** Run once while the receiver holds a batch: a result published as the batch goes. */
    private final AtomicReference<Runnable> meanwhile = new AtomicReference<>();

    @Test
    void everyResultArrivesOnceThroughHangUpsTimeoutsAnd500s() throws Exception {
        HttpServer receiver = Receivers.start(this::receive);
        String url = Receivers.url(receiver);
        try (ConfigurableApplicationContext app = SecondPlatform.start(new String[] {"demo", "test"},
                Files.createTempDirectory("spotcheck-delivery"), "deliveryTest",
                "--spotcheck.publication.channels[0].name=gsxt",
                "--spotcheck.publication.channels[0].title=国家企业信用信息公示系统",
                "--spotcheck.publication.channels[0].type=http",
                "--spotcheck.publication.channels[0].url=" + url,
                "--spotcheck.publication.channels[0].token=secret-token",
                "--spotcheck.publication.channels[0].timeout=PT1S",
                "--spotcheck.publication.batch-size=40")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            ManagementService management = app.getBean(ManagementService.class);
            RuntimeService runtime = app.getBean(RuntimeService.class);
            long targetId = jdbc.queryForObject("select min(id) from spotcheck.target", Long.class);
            List<String> codes = PublishedResults.publish(app, "JC-902", 100, targetId);
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PublicationDelivery.PROCESS).count())
                    .as("one run for the channel, however many results were published at once").isEqualTo(1);

            assertFails(management, "无法连接国家企业信用信息公示系统");
            mode.set(Mode.TOO_LATE);
            assertFails(management, "在 1 秒内没有答复");
            mode.set(Mode.ERROR);
            assertFails(management, "答复 500：接口维护中");
            assertThat(jdbc.queryForObject("select count(*) from spotcheck.publication_delivery where status = 'PENDING' "
                    + "and last_error like '%答复 500%'", Integer.class)).as("the last failure is kept for the page").isEqualTo(40);

            // The outage lasts: the engine's retries run out and the run stands as an incident in Cockpit.
            Job job = deliveryJob(management);
            while (job.getRetries() > 0) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException expected) {
                    // each attempt fails while the receiver is down
                }
                job = deliveryJob(management);
            }
            assertThat(runtime.createIncidentQuery().count()).isEqualTo(1);
            assertThat(runtime.createIncidentQuery().singleResult().getIncidentMessage()).contains("答复 500");

            // The receiver recovers; an administrator retries the incident, as Cockpit's button does.
            mode.set(Mode.OK);
            management.setJobRetries(job.getId(), 1);
            for (int guard = 0; guard < 100 && management.createJobQuery().processDefinitionKey(PublicationDelivery.PROCESS).count() > 0; guard++) {
                management.executeJob(deliveryJob(management).getId());
            }
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PublicationDelivery.PROCESS).count()).as("run ended").isZero();
            assertThat(runtime.createIncidentQuery().count()).isZero();

            assertThat(received.keySet()).as("each published result arrived").hasSize(codes.size())
                    .allSatisfy(key -> assertThat(key).endsWith(":1"));
            assertThat(received.keySet().stream().map(k -> k.substring(0, k.indexOf(':'))).toList()).containsExactlyInAnyOrderElementsOf(codes);
            assertThat(jdbc.queryForList("select status from spotcheck.publication_delivery", String.class))
                    .hasSize(codes.size()).containsOnly("DELIVERED");
            assertThat(jdbc.queryForList("select status from spotcheck.publicity_outbox", String.class)).containsOnly("DELIVERED");
            int repeats = received.values().stream().mapToInt(n -> n - 1).sum();
            assertThat(repeats).as("only the batch whose answer came too late was sent again, and dropped by its key").isEqualTo(40);

            // A later result starts a new run and is delivered once; nothing delivered before is sent again.
            int before = requests.get();
            PublishedResults.publish(app, "JC-903", 1, targetId);
            management.executeJob(deliveryJob(management).getId());
            assertThat(requests.get()).isEqualTo(before + 1);
            assertThat(received).containsKey("JC-903-00001:1").hasSize(codes.size() + 1);

            // Results published while a short batch is on its way are taken together after a pause, not a job each.
            PublishedResults.publish(app, "JC-904", 1, targetId);
            meanwhile.set(() -> PublishedResults.publish(app, "JC-904", 3, targetId, 2));
            management.executeJob(deliveryJob(management).getId());
            Job pause = deliveryJob(management);
            assertThat(pause.getDuedate().toInstant()).as("the run pauses to gather what was published meanwhile")
                    .isAfter(java.time.Instant.now().plus(PublicationSettings.DEFAULT_GATHER).minusSeconds(1));
            assertThat(received.keySet()).doesNotContain("JC-904-00002:1");
            management.executeJob(pause.getId()); // the pause over
            int sent = requests.get();
            management.executeJob(deliveryJob(management).getId());
            assertThat(requests.get()).as("the three sent in one batch").isEqualTo(sent + 1);
            assertThat(received).containsKeys("JC-904-00001:1", "JC-904-00002:1", "JC-904-00003:1", "JC-904-00004:1");
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PublicationDelivery.PROCESS).count()).as("run ended").isZero();
        } finally {
            receiver.stop(0);
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            assertThat(exchange.getRequestHeaders().getFirst("Authorization")).isEqualTo("Bearer secret-token");
            JsonNode body = json.readTree(exchange.getRequestBody());
            switch (mode.get()) {
                case HANG_UP -> {
                    return; // closes the connection without an answer
                }
                case TOO_LATE -> {
                    // Takes the records, but answers after the sender has given up: the sender must send them again.
                    take(body);
                    sleep(2500);
                    Receivers.answer(exchange, 200, "{\"accepted\":true}");
                }
                case ERROR -> Receivers.answer(exchange, 500, "接口维护中");
                case OK -> {
                    take(body);
                    Runnable publication = meanwhile.getAndSet(null);
                    if (publication != null) {
                        publication.run();
                    }
                    Receivers.answer(exchange, 200, "{\"accepted\":true}");
                }
            }
        }
    }

    private void take(JsonNode body) {
        body.path("records").forEach(r -> {
            assertThat(r.path("record").path("检查编号").asText()).isNotBlank();
            received.merge(r.path("idempotencyKey").asText(), 1, Integer::sum);
        });
    }


    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Job deliveryJob(ManagementService management) {
        return management.createJobQuery().processDefinitionKey(PublicationDelivery.PROCESS).singleResult();
    }

    private static void assertFails(ManagementService management, String words) {
        assertThatThrownBy(() -> management.executeJob(deliveryJob(management).getId())).hasStackTraceContaining(words);
    }
}
