package cn.spotcheck.system;

import static cn.spotcheck.Fixtures.count;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
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
 * Two platform nodes, each in a JVM of its own with its job executor and web layer, on one PostgreSQL: Camunda's
 * homogeneous cluster. A user logged in on one node (pages, Tasklist) is known on the other, also after the first is
 * gone. A draw's fan-out runs on them, then two hundred timers come due and are shared between them; one node is
 * killed with -9 in the middle, holding timers, and the other takes them up when their locks expire. (Timers due while
 * one node is busy with the whole fan-out all go to the other: which node that is, is chance, so they come after it.) Every job ran exactly once (the engine's job
 * log), both nodes ran some, every timer fired once, every inspection was started once, and nothing failed.
 */
class TwoNodeClusterTest {

    private static final int TIMERS = 200;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void twoNodesShareSessionsAndJobsAndOneTakesOverWhatTheKilledOneHeld() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off").start()) {
            String[] database = {"--spring.datasource.url=" + server.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres"};
            long taskId;
            long drawn;
            // The demo profile once, here: its users log in on the nodes below.
            try (ConfigurableApplicationContext setup = SecondPlatform.start(new String[] {"demo", "test"}, dataDir.resolve("setup"),
                    "clusterSetup", database)) {
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
            }

            JdbcTemplate db = new JdbcTemplate(server.getPostgresDatabase());
            Path log = dataDir.resolve("nodes.log");
            // Short locks, so that the survivor does not wait the default five minutes; small rounds of the fan-out, so
            // that it is many jobs rather than one.
            // Idle nodes look for due jobs at least every 2 s (not after up to a minute), so both see the timers come due.
            List<String> settings = List.of(database[0], database[1], "--camunda.bpm.job-execution.lock-time-in-millis=15000",
                    "--camunda.bpm.job-execution.max-wait=2000",
                    "--spotcheck.dispatch.batch-size=10", "--spotcheck.dispatch.round-seconds=1", "--spotcheck.dispatch.threads=1");
            int portA = NodeProcess.freePort();
            int portB = NodeProcess.freePort();
            NodeProcess a = ClusterNode.launch(log, dataDir.resolve("a"), "node-a", web(settings, portA));
            NodeProcess b = ClusterNode.launch(log, dataDir.resolve("b"), "node-b", web(settings, portB));
            try {
                a.await("READY", 300);
                b.await("READY", 300);
                // Logged in on one node, known on the other: the page's session and Tasklist's.
                String page = pageLogin(portA, "fagui");
                assertThat(get(portB, "/plans", page).body()).contains("退出（fagui）");
                String tasklist = tasklistLogin(portA, "zf001");
                assertThat(get(portB, "/camunda/api/engine/engine/default/task/count", tasklist).statusCode()).isEqualTo(200);

                ClusterNode.waitFor(() -> count(db, "select count(*) from spotcheck.inspection where task_id = ?", taskId) == drawn, 300);
                // Timers started once both nodes are free again, due five seconds later: either node may take each.
                for (int i = 0; i < TIMERS; i++) {
                    HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + portA
                                    + "/engine-rest/process-definition/key/clusterTimers/start"))
                            .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"businessKey\":\"timer-" + i + "\"}"))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
                }
                ClusterNode.waitFor(() -> timersFired(db) >= TIMERS / 2, 300);
                a.killHard();
                // And still known once the node they logged in on is gone.
                assertThat(get(portB, "/plans", page).body()).contains("退出（fagui）");
                assertThat(get(portB, "/camunda/api/engine/engine/default/task/count", tasklist).body()).contains("count");
                long byAAtKill = ranOn(db, "node-a");
                ClusterNode.waitFor(() -> count(db, "select count(*) from spotcheck.inspection where task_id = ?", taskId) == drawn
                        && count(db, "select count(*) from act_hi_procinst where proc_def_key_ = 'clusterTimers' and end_time_ is not null") == TIMERS
                        && count(db, "select count(*) from act_ru_job where lock_owner_ is not null or (duedate_ is null or duedate_ <= now())") == 0,
                        300);

                // The processes' jobs: the history cleanup (no process) is one job that runs again and again inside its
                // nightly window (01:00–05:00), which a run of this test may fall in.
                assertThat(db.queryForList("select job_id_ from act_hi_job_log where job_state_ = 2 and process_def_key_ is not null "
                        + "group by job_id_ having count(*) > 1", String.class)).as("jobs that ran twice").isEmpty();
                assertThat(count(db, "select count(distinct job_id_) from act_hi_job_log where job_state_ = 2 and process_def_key_ = 'clusterTimers'"))
                        .as("timers fired, each once").isEqualTo(TIMERS);
                Map<String, Object> byNode = db.queryForMap("""
                        select count(*) filter (where hostname_ = 'node-a') a, count(*) filter (where hostname_ = 'node-b') b
                        from act_hi_job_log where job_state_ = 2""");
                System.out.printf("two-node cluster: node-a ran %d jobs before it was killed, node-b %d; %d inspections, %d timers%n",
                        byNode.get("a"), byNode.get("b"), drawn, TIMERS);
                assertThat((Long) byNode.get("a")).as("jobs node-a ran before it was killed").isEqualTo(byAAtKill).isPositive();
                assertThat((Long) byNode.get("b")).as("jobs node-b ran").isPositive();
                Map<String, Object> timersByNode = db.queryForMap("""
                        select count(*) filter (where hostname_ = 'node-a') a, count(*) filter (where hostname_ = 'node-b') b
                        from act_hi_job_log where job_state_ = 2 and process_def_key_ = 'clusterTimers'""");
                System.out.printf("two-node cluster: timers fired by node-a %d, by node-b %d%n", timersByNode.get("a"), timersByNode.get("b"));
                assertThat((Long) timersByNode.get("a")).as("timers node-a fired").isGreaterThanOrEqualTo(TIMERS / 10);
                assertThat((Long) timersByNode.get("b")).as("timers node-b fired").isGreaterThanOrEqualTo(TIMERS / 10);
                assertThat(count(db, "select count(*) from act_ru_incident")).as("incidents").isZero();
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

    private static List<String> web(List<String> settings, int port) {
        List<String> web = new java.util.ArrayList<>(settings);
        web.add("--web");
        web.add("--server.port=" + port);
        return web;
    }

    private static HttpResponse<String> get(int port, String path, String cookie) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Cookie", cookie)
                .header("Accept", "text/html,application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in on the login page as a browser does; returns the session cookie. */
    private static String pageLogin(int port, String user) throws Exception {
        HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie(form))
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo&_csrf="
                        + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        return cookie(login);
    }

    /** Logs in to Tasklist as it does (its CSRF header); returns the session cookie and the token cookie. */
    private static String tasklistLogin(int port, String user) throws Exception {
        HttpResponse<String> welcome = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie(welcome))
                .header("X-XSRF-TOKEN", welcome.headers().firstValue("X-XSRF-TOKEN").orElse(""))
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return login.headers().allValues("Set-Cookie").isEmpty() ? cookie(welcome) : cookie(login);
    }

    private static String cookie(HttpResponse<String> answer) {
        return String.join("; ", answer.headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0]).toList());
    }

    private static long timersFired(JdbcTemplate db) {
        return count(db, "select count(distinct job_id_) from act_hi_job_log where job_state_ = 2 and process_def_key_ = 'clusterTimers'");
    }

    private static long ranOn(JdbcTemplate db, String node) {
        return count(db, "select count(*) from act_hi_job_log where job_state_ = 2 and hostname_ = ?", node);
    }
}
