package cn.spotcheck.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.spotcheck.SpotCheckApplication;

/**
 * 检查结果查询 under load: 1,000,000 generated published results, then {@code /public/results?q=} requested at a
 * steady 200 per second for 60 seconds (after 20 seconds of warm-up) over loopback, open loop: each request's time
 * counts from when it was due, so a slow answer delays no later measurement. The queries mix what the public types:
 * a 字号 (three characters), a whole name, a 统一社会信用代码, a region with two characters of a name, and a bare
 * trade word (“物流”, matching a sixth of all results); the figures are printed for each kind too. Side by side, the
 * query as it was before the search indexes ({@code like '%…%'} over the names), on the same data, one after the other.
 * <p>
 * {@code MAVEN_OPTS=-Xmx1g ./mvnw -B -q test-compile exec:java -Dexec.mainClass=cn.spotcheck.bench.SearchBench -Dexec.classpathScope=test}
 */
public final class SearchBench {

    private static final int RESULTS = 1_000_000;
    private static final int RATE = 200;
    private static final int WARM_UP_SECONDS = 20;
    private static final int SECONDS = 60;
    private static final int NAIVE_QUERIES = 40;

    private static final String[] REGIONS = {"长春", "吉林", "四平", "辽源", "通化", "白山", "松原", "白城", "延边", "九台", "德惠", "榆树"};
    private static final String POOL = "畅行长运顺达通宏远鑫盛安泰恒昌兴隆华信福瑞金鼎丰源广誉嘉和聚成宇航天启星辰万通汇博立邦博凯腾飞盈泽"
            + "永佳融创富康晟祥瀚海龙腾骏驰凯越新捷力鸿运昊恩明德润发锦程开元华夏";
    private static final String[] TRADES = {"运输", "物流", "汽车维修", "客运", "驾驶培训", "货运代理"};

    private SearchBench() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("机器：%d 核，最大堆 %d MB，Java %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SpotCheckApplication.class).run(
                "--spotcheck.data-dir=" + Files.createTempDirectory("spotcheck-search-bench"), "--server.port=0",
                "--spring.jmx.enabled=false", "--logging.level.root=WARN", "--logging.level.cn.spotcheck=WARN")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long t0 = System.nanoTime();
            seed(jdbc);
            System.out.printf("生成已公示结果 %,d 条（含建索引）：%.0f s%n", RESULTS, (System.nanoTime() - t0) / 1e9);
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/public/results?q=";
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            Random random = new Random(20270101);

            load(client, base, random, WARM_UP_SECONDS);
            Load measured = load(client, base, random, SECONDS);
            System.out.println("===== 检查结果查询负载测试 =====");
            System.out.printf("%d 次/秒 × %d s，%,d 条结果：%s（目标 p99 < 200 ms）%n", RATE, SECONDS, RESULTS, measured);

            double[] naive = naive(app, jdbc, random);
            System.out.printf("对照（无检索索引，同一组查询逐条执行 %d 次，仅数据库）：p50 %.0f ms，最慢 %.0f ms；按 %d 次/秒需 %.0f 个核%n",
                    NAIVE_QUERIES, naive[NAIVE_QUERIES / 2], naive[NAIVE_QUERIES - 1], RATE,
                    Arrays.stream(naive).sum() / NAIVE_QUERIES / 1000 * RATE);
        }
        System.exit(0);
    }

    private static final String[] KINDS = {"字号（三个字）", "完整名称", "统一社会信用代码", "地区加两个字", "行业词“物流”"};

    /** A term of one kind; every one is a term the generated data holds. */
    record Query(int kind, String term) {
    }

    /** What the public types, in proportion: 45 % a 字号, 20 % a whole name, 20 % a code, 10 % region and two characters, 5 % a trade word. */
    private static Query query(Random random) {
        long g = 1 + random.nextInt(RESULTS);
        int roll = random.nextInt(100);
        if (roll < 45) {
            return new Query(0, tradeName(g));
        }
        if (roll < 65) {
            return new Query(1, name(g));
        }
        if (roll < 85) {
            return new Query(2, uscc(g));
        }
        if (roll < 95) {
            return new Query(3, REGIONS[(int) (g % REGIONS.length)] + tradeName(g).substring(0, 2));
        }
        return new Query(4, "物流");
    }

    private static String tradeName(long g) {
        int n = POOL.length();
        return "" + POOL.charAt((int) (g % n)) + POOL.charAt((int) (g / n % n)) + POOL.charAt((int) (g / n / n % n));
    }

    private static String name(long g) {
        return REGIONS[(int) (g % REGIONS.length)] + tradeName(g) + TRADES[(int) (g / 7 % TRADES.length)] + "有限公司";
    }

    private static String uscc(long g) {
        return "91220" + String.format("%013d", g);
    }

    /** The same names, codes and dates as {@link #name} and {@link #uscc}, written by the database itself. */
    private static void seed(JdbcTemplate jdbc) {
        List<String> indexes = jdbc.queryForList("select indexdef from pg_indexes where schemaname = 'spotcheck' and tablename = 'public_result' "
                + "and indexname <> 'public_result_pkey'", String.class);
        jdbc.queryForList("select indexname from pg_indexes where schemaname = 'spotcheck' and tablename = 'public_result' "
                + "and indexname <> 'public_result_pkey'", String.class).forEach(i -> jdbc.execute("drop index spotcheck." + i));
        String regions = "array['" + String.join("','", REGIONS) + "']";
        String trades = "array['" + String.join("','", TRADES) + "']";
        int n = POOL.length();
        String pool = "'" + POOL + "'";
        String tradeName = "substr(%1$s, (g %% %2$d)::int + 1, 1) || substr(%1$s, (g / %2$d %% %2$d)::int + 1, 1) || substr(%1$s, (g / %2$d / %2$d %% %2$d)::int + 1, 1)"
                .formatted(pool, n);
        jdbc.update(("""
                insert into spotcheck.public_result (inspection_code, target_id, target_name, target_code, target_uscc, target_category,
                                                     item_codes, result_category, inspection_end_date, published_at)
                select 'JC-S-' || g, g, (%1$s)[(g %% %2$d)::int + 1] || %3$s || (%4$s)[(g / 7 %% %5$d)::int + 1] || '有限公司',
                       '91220' || lpad(g::text, 13, '0'), '91220' || lpad(g::text, 13, '0'), '道路运输',
                       array['JT-HY-01'], case when g %% 10 = 0 then '发现问题已责令改正' else '未发现问题' end,
                       date '2027-01-01' + (g %% 360)::int, timestamptz '2027-01-01 09:00+08' + g * interval '30 seconds'
                from generate_series(1, %6$d) g""").formatted(regions, REGIONS.length, tradeName, trades, TRADES.length, RESULTS));
        indexes.forEach(jdbc::execute);
        jdbc.execute("analyze spotcheck.public_result");
    }

    /** Latencies in ms of one open-loop run (all, and by kind of query), and how many answers were not 200 or held no result. */
    record Load(double[] millis, double[][] byKind, int failed, int empty) {
        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(String.format("%,d 次请求，p50 %.1f ms，p90 %.1f ms，p99 %.1f ms，最慢 %.0f ms，失败 %d，无结果 %d",
                    millis.length, at(millis, 0.50), at(millis, 0.90), at(millis, 0.99), millis[millis.length - 1], failed, empty));
            for (int k = 0; k < KINDS.length; k++) {
                text.append(String.format("%n  %s：%,d 次，p50 %.1f ms，p99 %.1f ms", KINDS[k], byKind[k].length, at(byKind[k], 0.5), at(byKind[k], 0.99)));
            }
            return text.toString();
        }

        static double at(double[] sorted, double quantile) {
            return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(quantile * sorted.length) - 1))];
        }
    }

    private static Load load(HttpClient client, String base, Random random, int seconds) throws InterruptedException {
        int total = RATE * seconds;
        double[] millis = new double[total];
        int[] kinds = new int[total];
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger empty = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(128);
        long start = System.nanoTime() + 100_000_000L;
        long interval = 1_000_000_000L / RATE;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int index = i;
            Query query = query(random);
            kinds[i] = query.kind();
            URI uri = URI.create(base + URLEncoder.encode(query.term(), StandardCharsets.UTF_8));
            senders.execute(() -> {
                try {
                    HttpResponse<String> answer = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() != 200) {
                        failed.incrementAndGet();
                    } else if (answer.body().contains("没有查到已公示的检查结果")) {
                        empty.incrementAndGet();
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
                millis[index] = (System.nanoTime() - due) / 1e6;
            });
        }
        senders.shutdown();
        senders.awaitTermination(2, TimeUnit.MINUTES);
        double[][] byKind = new double[KINDS.length][];
        for (int k = 0; k < KINDS.length; k++) {
            int kind = k;
            byKind[k] = java.util.stream.IntStream.range(0, total).filter(i -> kinds[i] == kind).mapToDouble(i -> millis[i]).sorted().toArray();
        }
        Arrays.sort(millis);
        return new Load(millis, byKind, failed.get(), empty.get());
    }

    /** The mix on the same table without the search indexes: dropped in a transaction, measured, rolled back. */
    private static double[] naive(ConfigurableApplicationContext app, JdbcTemplate jdbc, Random random) {
        double[] millis = new double[NAIVE_QUERIES];
        TransactionTemplate transaction = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        transaction.executeWithoutResult(status -> {
            List<String> search = new ArrayList<>(List.of("public_result_name_bigrams_idx", "public_result_uscc_idx",
                    "public_result_registration_no_idx"));
            search.forEach(i -> jdbc.execute("drop index spotcheck." + i));
            for (int i = 0; i < NAIVE_QUERIES; i++) {
                String term = query(random).term();
                long t = System.nanoTime();
                jdbc.queryForList("select inspection_code from spotcheck.public_result where target_name like ? or target_uscc = ? "
                        + "or target_registration_no = ? order by published_at desc limit 51", String.class, "%" + term + "%", term, term);
                millis[i] = (System.nanoTime() - t) / 1e6;
            }
            status.setRollbackOnly();
        });
        Arrays.sort(millis);
        return millis;
    }
}
