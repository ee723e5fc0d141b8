package cn.spotcheck.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.spotcheck.GeneratedDirectory;
import cn.spotcheck.SpotCheckApplication;
import cn.spotcheck.catalog.CandidateScan;
import cn.spotcheck.draw.DrawVerification;
import cn.spotcheck.draw.InspectorDraws;
import cn.spotcheck.draw.TargetDraws;
import cn.spotcheck.inspection.Inspections;
import cn.spotcheck.plan.AnnualPlans;
import cn.spotcheck.plan.TaskView;

/**
 * How fast the staff pages answer: first with the demo year, then with 1,000,000 targets and a task of 50,000
 * inspections. Each page is asked 10 times over HTTP after a warm-up, as the user who would open it; the median and
 * the slowest are printed. Beside them, the naive way two of the pages could have been written: a plan's forecast
 * by reading every candidate, and a ledger by reading every inspection rather than a page of them.
 * <p>
 * {@code MAVEN_OPTS=-Xmx512m ./mvnw -q -o exec:java -Dexec.mainClass=cn.spotcheck.bench.PagesBench -Dexec.classpathScope=test}
 */
public final class PagesBench {

    private static final int RUNS = 10;
    private static final List<String> summary = new ArrayList<>();
    private static final HttpClient http = HttpClient.newHttpClient();

    private PagesBench() {
    }

    public static void main(String[] args) throws Exception {
        line("机器：%d 核，最大堆 %d MB，Java %s", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        java.util.Set<String> phases = java.util.Set.of(System.getProperty("bench.phases", "demo,big").split(","));
        if (phases.contains("demo")) {
            demoPhase();
        }
        if (phases.contains("big")) {
            bigPhase();
        }
        System.out.println("\n===== 页面基准测试结果 =====");
        summary.forEach(System.out::println);
        System.exit(0);
    }

    private static void demoPhase() throws Exception {
        try (ConfigurableApplicationContext demo = start(new String[] {"demo"}, Files.createTempDirectory("spotcheck-pages-demo"))) {
            JdbcTemplate jdbc = demo.getBean(JdbcTemplate.class);
            awaitDemoYear(jdbc);
            line("演示数据：%d 户检查对象，%d 项检查", count(jdbc, "spotcheck.target"), count(jdbc, "spotcheck.inspection"));
            pages(demo, jdbc, 300);
        }
    }

    private static void bigPhase() throws Exception {
        Path dataDir = Files.createTempDirectory("spotcheck-pages-big");
        try (ConfigurableApplicationContext big = start(new String[] {"demo", "test"}, dataDir)) {
            JdbcTemplate jdbc = big.getBean(JdbcTemplate.class);
            long t0 = System.nanoTime();
            GeneratedDirectory.fillTargets(jdbc, 1_000_000);
            GeneratedDirectory.addInspectors(jdbc, 5000, 10_000);
            long taskId = GeneratedDirectory.publishedTask(big, "0.03");
            big.getBean(TargetDraws.class).draw(taskId);
            big.getBean(InspectorDraws.class).draw(taskId);
            int inspections = addInspections(jdbc, taskId, 50_000);
            line("生成：%d 户检查对象，一个任务 %d 项检查（%.0f s）", count(jdbc, "spotcheck.target"), inspections, (System.nanoTime() - t0) / 1e9);
            // What the confirmation step's brief and the morning timer do in production: the day's verification, kept.
            long v0 = System.nanoTime();
            int verified = big.getBean(DrawVerification.class).verifyRecentDraws();
            line("每日复核：%d 条抽取记录（%.1f s，每天一次；之后当天打开页面直接显示）", verified, (System.nanoTime() - v0) / 1e9);
            pages(big, jdbc, 1000);
            naive(big, taskId);
            supervisionData(big, jdbc, taskId);
        }
        // The supervision pages as on a morning after a restart: the figures are counted in the background at start.
        long r0 = System.nanoTime();
        try (ConfigurableApplicationContext restarted = start(new String[] {"demo", "test"}, dataDir)) {
            line("重新启动（同一数据库）：%.0f s", (System.nanoTime() - r0) / 1e9);
            supervision(restarted);
        }
    }

    /**
     * The supervision group's pages once the year holds a million inspections: 950,000 more, published, some late,
     * a tenth of them findings, spread over 5,000 officers.
     */
    private static void supervisionData(ConfigurableApplicationContext app, JdbcTemplate jdbc, long taskId) {
        long t0 = System.nanoTime();
        jdbc.update("""
                insert into spotcheck.inspection (code, task_id, target_id, item_codes, inspector_staff_nos, status, inspection_date,
                    result_category, findings, inspection_end_date, publication_due_date, published_at, created_at)
                select 'JH-' || lpad(g::text, 7, '0'), ?, t.id, array[?], array['B' || (1 + g % 5000), 'B' || (1 + (g + 11) % 5000)],
                       'PUBLISHED', date '2027-05-10', case when g % 10 = 0 then '发现问题已责令改正' else '未发现问题' end, '无',
                       date '2027-05-10', date '2027-05-19',
                       case when g % 20 = 0 then timestamptz '2027-05-25 10:00+08' else timestamptz '2027-05-15 10:00+08' end, now()
                from generate_series(1, ?) g
                join (select id, row_number() over (order by id) rn from spotcheck.target) t on t.rn = g""",
                taskId, GeneratedDirectory.ITEM, 950_000);
        jdbc.execute("analyze spotcheck.inspection");
        line("再生成：同一年度共 %d 项检查（%.0f s）", count(jdbc, "spotcheck.inspection"), (System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        int open = openTasks(app, 50_000);
        line("再生成：引擎中 %d 个待办任务（%.0f s）", open, (System.nanoTime() - t0) / 1e9);
    }

    /** The three supervision pages, the first opening straight after the start, and a year counted afresh. */
    private static void supervision(ConfigurableApplicationContext app) throws Exception {
        String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/supervision", "督查考核（逾期与即将到期）");
        pages.put("/supervision/statistics?year=2027", "统计分析（表、图、执法人员）");
        pages.put("/api/supervision/statistics?year=2027", "统计接口（JSON）");
        for (var page : pages.entrySet()) {
            long[] times = time(base + page.getKey(), "ducha");
            long median = times[1 + RUNS / 2];
            line("  %-28s %-40s 中位数 %4d ms，最慢 %4d ms，首次 %4d ms（目标 < 1000 ms）%s", page.getValue(), page.getKey(), median,
                    times[times.length - 1], times[0], median <= 1000 ? "" : "  ← 未达标");
        }
        cn.spotcheck.supervision.SupervisionStatistics statistics = app.getBean(cn.spotcheck.supervision.SupervisionStatistics.class);
        long[] counts = new long[3];
        for (int i = 0; i < counts.length; i++) {
            long c0 = System.nanoTime();
            statistics.of(2027);
            counts[i] = (System.nanoTime() - c0) / 1_000_000;
        }
        Arrays.sort(counts);
        line("  后台统计一个年度（启动时统计各年度，之后每 5 分钟重算；页面读取统计结果）：中位数 %d ms，最慢 %d ms", counts[1], counts[2]);
    }

    /**
     * {@code count} open user tasks in the engine, as a busy year leaves them in Tasklist: a one-step process started
     * in transactions of a thousand, each task offered to the inspectors with a due date, half of them past.
     */
    private static int openTasks(ConfigurableApplicationContext app, int count) {
        org.camunda.bpm.engine.RepositoryService repository = app.getBean(org.camunda.bpm.engine.RepositoryService.class);
        org.camunda.bpm.engine.RuntimeService runtime = app.getBean(org.camunda.bpm.engine.RuntimeService.class);
        repository.createDeployment().name("bench-open-tasks").addModelInstance("bench-open-task.bpmn",
                org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("bench-open-task").name("待办任务（基准测试）")
                        .startEvent().userTask("work").name("办理").camundaCandidateGroups("inspectors").camundaDueDate("${due}")
                        .endEvent().done()).deploy();
        org.springframework.transaction.support.TransactionTemplate tx = new org.springframework.transaction.support.TransactionTemplate(
                app.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        for (int done = 0; done < count; done += 1000) {
            int from = done;
            tx.executeWithoutResult(status -> {
                for (int i = from; i < Math.min(count, from + 1000); i++) {
                    runtime.startProcessInstanceByKey("bench-open-task", "bench-" + i,
                            Map.of("due", java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(i % 2 == 0 ? -3 : 3)))));
                }
            });
        }
        return (int) app.getBean(org.camunda.bpm.engine.TaskService.class).createTaskQuery().count();
    }

    private static ConfigurableApplicationContext start(String[] profiles, Path dataDir) {
        return new SpringApplicationBuilder(SpotCheckApplication.class).profiles(profiles).run(
                "--spotcheck.data-dir=" + dataDir, "--server.port=0", "--spring.jmx.enabled=false",
                "--logging.level.root=WARN", "--logging.level.cn.spotcheck=WARN");
    }

    /** The demo year is written after start-up; the pages are timed on the whole of it. */
    private static void awaitDemoYear(JdbcTemplate jdbc) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (count(jdbc, "spotcheck.inspection") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        Thread.sleep(5000);
    }

    private static void pages(ConfigurableApplicationContext app, JdbcTemplate jdbc, long budgetMs) throws Exception {
        String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        long planId = jdbc.queryForObject("select plan_id from spotcheck.spot_check_task t join spotcheck.inspection i on i.task_id = t.id "
                + "group by plan_id order by count(*) desc limit 1", Long.class);
        int year = jdbc.queryForObject("select plan_year from spotcheck.annual_plan where id = ?", Integer.class, planId);
        long taskId = jdbc.queryForObject("select task_id from spotcheck.inspection group by task_id order by count(*) desc limit 1", Long.class);
        int total = jdbc.queryForObject("select count(*) from spotcheck.inspection where task_id = ?", Integer.class, taskId);
        String code = jdbc.queryForObject("select code from spotcheck.inspection where task_id = ? order by code desc limit 1", String.class, taskId);
        Map<String, String[]> pages = new LinkedHashMap<>();
        pages.put("/plans?year=" + year, new String[] {"fagui", "年度计划列表"});
        pages.put("/plans/" + planId, new String[] {"fagui", "计划（含各任务按信用等级预计抽取数）"});
        pages.put("/tasks/" + taskId, new String[] {"ducha", "抽查任务首页（抽取记录复核 + 台账第 1 页）"});
        pages.put("/tasks/" + taskId + "?page=" + ((total - 1) / 100), new String[] {"ducha", "台账最后一页"});
        pages.put("/inspections/" + code, new String[] {"ducha", "一项检查的记录"});
        pages.put("/supervision", new String[] {"ducha", "督查考核（逾期与即将到期）"});
        pages.put("/catalog/targets?q=%E9%95%BF%E6%98%A5", new String[] {"fagui", "检查对象搜索"});
        pages.put("/public/", new String[] {null, "公示首页（匿名）"});
        for (var page : pages.entrySet()) {
            long[] times = time(base + page.getKey(), page.getValue()[0]);
            long median = times[1 + RUNS / 2];
            line("  %-28s %-40s 中位数 %4d ms，最慢 %4d ms，首次 %4d ms（目标 < %d ms）%s", page.getValue()[1], page.getKey(), median,
                    times[times.length - 1], times[0], budgetMs, median <= budgetMs ? "" : "  ← 未达标");
        }
    }

    /** The first opening (the JIT cold, caches empty), then the ten openings sorted. */
    private static long[] time(String url, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        long first = System.nanoTime();
        HttpResponse<String> warm = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (warm.statusCode() != 200) {
            throw new IllegalStateException(url + " 答复 " + warm.statusCode());
        }
        long[] times = new long[RUNS + 1];
        times[0] = (System.nanoTime() - first) / 1_000_000;
        for (int i = 1; i <= RUNS; i++) {
            long t0 = System.nanoTime();
            http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            times[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        Arrays.sort(times, 1, times.length);
        return times;
    }

    /** The pages' two choices against the naive ones, on the same data. */
    private static void naive(ConfigurableApplicationContext app, long taskId) {
        TaskView task = app.getBean(AnnualPlans.class).task(taskId);
        CandidateScan scan = app.getBean(CandidateScan.class);
        long t0 = System.nanoTime();
        scan.countByCreditLevel(task.targetFilter().categories(), task.targetFilter().regions(), task.targetFilter().tags());
        long grouped = System.nanoTime() - t0;
        AtomicInteger seen = new AtomicInteger();
        t0 = System.nanoTime();
        scan.scan(task.targetFilter().categories(), task.targetFilter().regions(), task.targetFilter().tags(), (id, level) -> seen.incrementAndGet());
        long read = System.nanoTime() - t0;
        line("对照（预计抽取数）：数据库按信用等级计数 %d ms；逐户读出 %d 户再计数 %d ms（%.0f 倍）", grouped / 1_000_000, seen.get(),
                read / 1_000_000, (double) read / grouped);
        Inspections inspections = app.getBean(Inspections.class);
        t0 = System.nanoTime();
        inspections.ofTask(taskId, 0, 100);
        long page = System.nanoTime() - t0;
        t0 = System.nanoTime();
        int all = inspections.ofTask(taskId).size();
        long whole = System.nanoTime() - t0;
        line("对照（任务台账）：读一页 100 项 %d ms；读出全部 %d 项 %d ms（%.0f 倍）", page / 1_000_000, all, whole / 1_000_000, (double) whole / page);
        DrawVerification verification = app.getBean(DrawVerification.class);
        long drawId = app.getBean(JdbcTemplate.class).queryForObject("select id from spotcheck.draw_record where task_id = ?", Long.class, taskId);
        t0 = System.nanoTime();
        verification.verifyRecent(drawId, false);
        long kept = System.nanoTime() - t0;
        t0 = System.nanoTime();
        verification.verify(drawId);
        long recomputed = System.nanoTime() - t0;
        line("对照（抽取复核）：读当日保存的复核 %d ms；每次打开都重新计算 %d ms（%.0f 倍）", kept / 1_000_000, recomputed / 1_000_000,
                (double) recomputed / kept);
    }

    /** {@code count} inspections of the drawn targets of {@code taskId}, in every state a year sees; no processes behind them. */
    private static int addInspections(JdbcTemplate jdbc, long taskId, int count) {
        jdbc.update("""
                insert into spotcheck.inspection (code, task_id, target_id, item_codes, inspector_staff_nos, status, inspection_date,
                    result_category, findings, inspection_end_date, publication_due_date, published_at, created_at)
                select 'JC-' || ? || '-' || lpad(g::text, 6, '0'), ?, t.id, array[?], array['B' || (1 + g % 5000), 'B' || (1 + (g + 7) % 5000)],
                       case when g % 4 = 0 then 'OPEN' when g % 4 = 1 then 'AWAITING_PUBLICATION' else 'PUBLISHED' end,
                       case when g % 4 = 0 then null else date '2027-05-10' end,
                       case when g % 4 = 0 then null else '未发现问题' end, case when g % 4 = 0 then null else '无' end,
                       case when g % 4 = 0 then null else date '2027-05-10' end,
                       case when g % 4 = 0 then null else date '2027-05-19' end,
                       case when g % 4 >= 2 then timestamptz '2027-05-15 10:00+08' else null end, now()
                from generate_series(1, ?) g
                join (select id, row_number() over (order by id) rn from spotcheck.target) t on t.rn = g""",
                taskId, taskId, GeneratedDirectory.ITEM, count);
        jdbc.execute("analyze spotcheck.inspection");
        return count(jdbc, "spotcheck.inspection where task_id = " + taskId);
    }

    private static int count(JdbcTemplate jdbc, String table) {
        Integer n = jdbc.queryForObject("select count(*) from " + table, Integer.class);
        return n == null ? 0 : n;
    }

    private static void line(String format, Object... args) {
        String text = String.format(format, args);
        summary.add(text);
        System.out.println(text);
    }
}
