package cn.spotcheck.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import cn.spotcheck.SpotCheckApplication;
import cn.spotcheck.disclosure.PublicationDelivery;

/**
 * How long 30,000 published results take to reach a receiver through the interface channel, with the engine's job
 * executor doing the work as in production: batches of 500 (the default) against one request per record (the naive
 * sender), the latter on 1,000 records in the same run. The receiver is a local JDK HTTP server that parses each body.
 * <p>
 * {@code MAVEN_OPTS=-Xmx512m ./mvnw -q -o exec:java -Dexec.mainClass=cn.spotcheck.bench.DeliveryBench -Dexec.classpathScope=test}
 */
public final class DeliveryBench {

    private static final int RESULTS = 30_000;
    private static final int NAIVE_RESULTS = 1_000;

    private static final Set<String> received = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger requests = new AtomicInteger();
    private static final ObjectMapper json = new ObjectMapper();

    private DeliveryBench() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("机器：%d 核，最大堆 %d MB，Java %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/records", DeliveryBench::receive);
        receiver.start();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/records";
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SpotCheckApplication.class).run(
                "--spotcheck.data-dir=" + Files.createTempDirectory("spotcheck-delivery-bench"), "--server.port=0",
                "--spring.jmx.enabled=false", "--logging.level.root=WARN", "--logging.level.cn.spotcheck=WARN",
                "--spotcheck.publication.channels[0].name=gsxt", "--spotcheck.publication.channels[0].type=http",
                "--spotcheck.publication.channels[0].url=" + url,
                "--spotcheck.publication.channels[1].name=naive", "--spotcheck.publication.channels[1].type=http",
                "--spotcheck.publication.channels[1].url=" + url, "--spotcheck.publication.channels[1].batch-size=1")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            PublicationDelivery delivery = app.getBean(PublicationDelivery.class);
            seed(jdbc, "JC-B", RESULTS, "gsxt");
            long t0 = System.nanoTime();
            delivery.startWaiting();
            double batched = awaitDelivered(jdbc, "gsxt", t0);
            // One after the other, so that neither run slows the other.
            seed(jdbc, "JC-N", NAIVE_RESULTS, "naive");
            long t1 = System.nanoTime();
            delivery.startWaiting();
            double naive = awaitDelivered(jdbc, "naive", t1);
            System.out.println("===== 公示报送基准测试结果 =====");
            System.out.printf("接口渠道，每批 500 条：%d 条结果 %.1f s（%d 次请求；目标 < 120 s）%n", RESULTS, batched, requests.get() - NAIVE_RESULTS);
            System.out.printf("对照（每条一次请求）：%d 条结果 %.1f s，折合 %d 条约 %.0f s（%.0f 倍）%n", NAIVE_RESULTS, naive, RESULTS,
                    naive * RESULTS / NAIVE_RESULTS, naive * RESULTS / NAIVE_RESULTS / batched);
            System.out.printf("接收方收到不同的结果 %d 条（应为 %d）%n", received.size(), RESULTS + NAIVE_RESULTS);
        } finally {
            receiver.stop(0);
        }
        System.exit(0);
    }

    /** {@code count} published results queued for {@code channel}, as 一公开 leaves them. */
    private static void seed(JdbcTemplate jdbc, String prefix, int count, String channel) {
        jdbc.update("""
                insert into spotcheck.publicity_outbox (inspection_code, payload, status, created_at)
                select ? || '-' || lpad(g::text, 6, '0'),
                       jsonb_build_object('检查编号', ? || '-' || lpad(g::text, 6, '0'), '统一社会信用代码', '91220100MA' || lpad(g::text, 8, '0'),
                           '市场主体名称', '长春第' || g || '运输有限公司', '抽查事项', jsonb_build_array('JT-HY-01'),
                           '检查结果', '未发现问题', '检查完成日期', '2027-05-10', '检查机关', '交通运输局'),
                       'PENDING', now()
                from generate_series(1, ?) g""", prefix, prefix, count);
        jdbc.update("insert into spotcheck.publication_delivery (outbox_id, channel, status) select id, ?, 'PENDING' "
                + "from spotcheck.publicity_outbox where inspection_code like ? || '-%'", channel, prefix);
    }

    private static double awaitDelivered(JdbcTemplate jdbc, String channel, long t0) throws InterruptedException {
        while (jdbc.queryForObject("select count(*) from spotcheck.publication_delivery where channel = ? and status <> 'DELIVERED'",
                Integer.class, channel) > 0) {
            Thread.sleep(100);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = json.readTree(exchange.getRequestBody());
            body.path("records").forEach(r -> received.add(r.path("idempotencyKey").asText()));
            requests.incrementAndGet();
            byte[] ok = "{\"accepted\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
        }
    }
}
