package cn.spotcheck.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.spotcheck.GeneratedDirectory;
import cn.spotcheck.NodeProcess;
import cn.spotcheck.PlatformNode;
import cn.spotcheck.SecondPlatform;
import cn.spotcheck.catalog.CreditCode;
import cn.spotcheck.catalog.ImportReport;
import cn.spotcheck.catalog.PageOf;
import cn.spotcheck.catalog.TargetDirectory;
import cn.spotcheck.catalog.TargetImport;
import cn.spotcheck.catalog.TargetQuery;
import cn.spotcheck.catalog.TargetView;
import cn.spotcheck.draw.DrawVerification;
import cn.spotcheck.draw.DrawViews;
import cn.spotcheck.draw.InspectorDraws;
import cn.spotcheck.draw.TargetDraws;

/**
 * The platform's figures on this machine, through its real services on embedded PostgreSQL: import of a
 * 200,000-row .xlsx, search over 1,000,000 targets, the persisted draw of ~30,000 targets with 5,000 inspectors and
 * 10,000 recusals (against PostgreSQL's own ORDER BY random()), and the fan-out of one inspection per drawn target
 * (against starting a bare one-task process the plain engine way). Run as the README says; prints a summary.
 */
public final class PlatformBench {

    private static final List<String> summary = new ArrayList<>();

    private PlatformBench() {
    }

    /** Settings to try, e.g. -Dbench.args="--spotcheck.dispatch.threads=2"; they replace the defaults of the same name. */
    private static List<String> overrides() {
        return List.of(System.getProperty("bench.args", "").split(" "));
    }

    public static void main(String[] args) throws Exception {
        int importRows = Integer.parseInt(System.getProperty("bench.importRows", "200000"));
        int totalTargets = Integer.parseInt(System.getProperty("bench.targets", "1000000"));
        // Which parts to run, e.g. -Dbench.parts=draw,fanout while working on the fan-out; the draw needs the targets.
        Set<String> parts = Set.of(System.getProperty("bench.parts", "import,search,draw,fanout").split(","));
        Path dataDir = Files.createTempDirectory("spotcheck-bench");
        line("机器：%d 核，最大堆 %d MB，Java %s", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        try (ConfigurableApplicationContext app = SecondPlatform.start(dataDir, "bench", PlatformNode.settings(overrides()))) {
            if (parts.contains("import")) {
                importBench(app, importRows);
            }
            fill(app, totalTargets);
            if (parts.contains("search")) {
                searchBench(app);
            }
            if (parts.contains("draw") || parts.contains("fanout")) {
                long taskId = drawBench(app);
                if (parts.contains("fanout")) {
                    fanOutBench(app, dataDir, taskId);
                }
            }
        }
        System.out.println("\n===== 基准测试结果 =====");
        summary.forEach(System.out::println);
        System.exit(0);
    }

    // --- import ----------------------------------------------------------------------------------------------

    private static void importBench(ConfigurableApplicationContext app, int rows) throws Exception {
        Path file = Files.createTempFile("targets", ".xlsx");
        Random random = new Random(7);
        try (var out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "bench", "1.0");
            Worksheet sheet = wb.newWorksheet("检查对象");
            String[] header = {"统一社会信用代码", "名称", "类别", "区域", "信用等级", "标注", "经营状态"};
            for (int c = 0; c < header.length; c++) {
                sheet.value(0, c, header[c]);
            }
            for (int r = 1; r <= rows; r++) {
                String org8 = String.format("%08d", 20_000_000 + r);
                String first17 = "91220102" + org8 + CreditCode.organisationCheck(org8);
                String uscc = first17 + CreditCode.checkCharacter(first17);
                if (r % 1000 == 0) {
                    uscc = uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0'); // a bad check character
                }
                sheet.value(r, 0, uscc);
                sheet.value(r, 1, "长春" + GeneratedDirectory.WORDS[random.nextInt(GeneratedDirectory.WORDS.length)] + GeneratedDirectory.WORDS[random.nextInt(GeneratedDirectory.WORDS.length)] + "物流有限公司" + r);
                sheet.value(r, 2, GeneratedDirectory.CATEGORIES[random.nextInt(GeneratedDirectory.CATEGORIES.length)]);
                sheet.value(r, 3, GeneratedDirectory.REGIONS[random.nextInt(GeneratedDirectory.REGIONS.length)]);
                sheet.value(r, 4, GeneratedDirectory.creditLevel(r)); // the same spread as the generated million, so ~30,000 are drawn
                sheet.value(r, 5, r % 10 == 0 ? "新设立" : "");
                sheet.value(r, 6, "在营");
                if (r % 10_000 == 0) {
                    sheet.flush();
                }
            }
            wb.finish();
        }
        System.gc();
        HeapWatch heap = HeapWatch.start();
        long t0 = System.nanoTime();
        ImportReport report;
        try (InputStream in = Files.newInputStream(file)) {
            report = app.getBean(TargetImport.class).run("targets.xlsx", in);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = heap.stop();
        line("导入 %d 行 .xlsx（%d MB）：%.1f s，堆峰值 %d MB；新增 %d、更新 %d、无变化 %d、未导入 %d 行，合计 %d（应为 %d）",
                rows, Files.size(file) >> 20, seconds, peak >> 20, report.imported(), report.updated(), report.unchanged(),
                report.rejectedRows(), report.imported() + report.updated() + report.unchanged() + report.rejectedRows(), report.totalRows());
    }

    // --- a million targets -----------------------------------------------------------------------------------

    private static void fill(ConfigurableApplicationContext app, int total) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        long t0 = System.nanoTime();
        int missing = GeneratedDirectory.fillTargets(jdbc, total);
        line("补足至 %d 户检查对象（SQL 生成 %d 户）：%.1f s", total, missing, (System.nanoTime() - t0) / 1e9);
        // A directory in use has long been vacuumed; without this, whichever query reads the fresh rows first (the draw)
        // would also pay for marking them all visible, and the one after it (ORDER BY random()) would not.
        jdbc.execute("vacuum analyze spotcheck.target");
    }

    private static void searchBench(ConfigurableApplicationContext app) {
        TargetDirectory targets = app.getBean(TargetDirectory.class);
        search(targets, "名称片段（2 字）", i -> new TargetQuery(null, null, null, null, null, GeneratedDirectory.WORDS[i % GeneratedDirectory.WORDS.length], 0, 20, null));
        search(targets, "名称片段（4 字）", i -> new TargetQuery(null, null, null, null, null, "长春" + GeneratedDirectory.WORDS[i % GeneratedDirectory.WORDS.length], 0, 20, null));
        search(targets, "类别", i -> new TargetQuery(GeneratedDirectory.CATEGORIES[i % 8], null, null, null, null, null, 0, 20, null));
        search(targets, "区域", i -> new TargetQuery(null, GeneratedDirectory.REGIONS[i % 11], null, null, null, null, 0, 20, null));
        search(targets, "信用等级", i -> new TargetQuery(null, null, "ABCD".substring(i % 4, i % 4 + 1), null, null, null, 0, 20, null));
        search(targets, "类别+区域+等级", i -> new TargetQuery(GeneratedDirectory.CATEGORIES[i % 8], GeneratedDirectory.REGIONS[i % 11], "B", null, null, null, 0, 20, null));
        search(targets, "名称片段+类别", i -> new TargetQuery(GeneratedDirectory.CATEGORIES[i % 8], null, null, null, null, GeneratedDirectory.WORDS[i % GeneratedDirectory.WORDS.length], 0, 20, null));
        search(targets, "统一社会信用代码", i -> new TargetQuery(null, null, null, null, null, "B" + String.format("%017d", 1000 + i * 997), 0, 20, null));
        search(targets, "键分页（第 40000 页）", i -> new TargetQuery(null, null, null, null, null, null, 0, 20, 800_000L + i));
        search(targets, "偏移分页（第 40000 页）", i -> new TargetQuery(null, null, null, null, null, null, 40_000, 20, null));
    }

    private static void search(TargetDirectory targets, String kind, java.util.function.IntFunction<TargetQuery> query) {
        for (int i = 0; i < 5; i++) {
            targets.search(query.apply(i));
        }
        List<Double> ms = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < 50; i++) {
            long t0 = System.nanoTime();
            PageOf<TargetView> page = targets.search(query.apply(i + 7));
            ms.add((System.nanoTime() - t0) / 1e6);
            total = page.totalElements();
        }
        Collections.sort(ms);
        line("搜索 %-14s 中位数 %6.1f ms，p95 %6.1f ms（命中约 %d 户）", kind, ms.get(25), ms.get(47), total);
    }

    // --- the draw, persisted ---------------------------------------------------------------------------------

    private static long drawBench(ConfigurableApplicationContext app) throws InterruptedException {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        GeneratedDirectory.addInspectors(jdbc, 5000, 10_000);
        long taskId = GeneratedDirectory.publishedTask(app, "0.03");
        Integer candidates = jdbc.queryForObject("select count(*) from spotcheck.target where operating_status = '在营'", Integer.class);
        TargetDraws targetDraws = app.getBean(TargetDraws.class);
        InspectorDraws inspectorDraws = app.getBean(InspectorDraws.class);
        System.gc();
        HeapWatch heap = HeapWatch.start();
        long t0 = System.nanoTime();
        targetDraws.draw(taskId);
        long t1 = System.nanoTime();
        inspectorDraws.draw(taskId);
        long t2 = System.nanoTime();
        long peak = heap.stop();
        int drawn = jdbc.queryForObject("select count(*) from spotcheck.draw_assignment", Integer.class);
        double persisted = (t2 - t0) / 1e9;
        line("抽取并保存：候选 %d 户，抽中 %d 户，每户 2 名（5000 名执法人员、10000 条回避）：抽取检查对象 %.2f s + 抽取执法人员 %.2f s = %.2f s，堆峰值 %d MB",
                candidates, drawn, (t1 - t0) / 1e9, (t2 - t1) / 1e9, persisted, peak >> 20);
        long t3 = System.nanoTime();
        List<Long> random = jdbc.queryForList("select id from spotcheck.target where operating_status = '在营' and category = any(?) "
                + "order by random() limit ?", Long.class, GeneratedDirectory.CATEGORIES, drawn);
        double orderByRandom = (System.nanoTime() - t3) / 1e9;
        line("对照：PostgreSQL ORDER BY random() LIMIT %d（只抽对象，不分层、不可复核、不派人员）：%.2f s；本平台/对照 = %.2f",
                random.size(), orderByRandom, persisted / orderByRandom);
        boolean valid = app.getBean(DrawVerification.class).verify(app.getBean(DrawViews.class).ofTask(taskId).id()).valid();
        line("复核抽取记录：%s", valid ? "一致" : "不一致");
        return taskId;
    }

    // --- fan-out ---------------------------------------------------------------------------------------------

    /**
     * The fan-out in a node of its own, killed with -9 halfway and started again on the same data directory; then
     * the counts that would show a duplicate, and the plain engine's rate for a bare process in that same node.
     */
    private static void fanOutBench(ConfigurableApplicationContext app, Path dataDir, long taskId) throws Exception {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        // The dispatch job is to run in the node that gets killed, not here.
        app.getBean(ProcessEngineConfigurationImpl.class).getJobExecutor().shutdown();
        int drawn = jdbc.queryForObject("select count(*) from spotcheck.draw_assignment", Integer.class);
        GeneratedDirectory.confirmDraw(app, taskId);
        app.close();

        Path log = dataDir.resolve("nodes.log");
        List<String> node = new ArrayList<>(List.of(dataDir.toString(), String.valueOf(taskId), String.valueOf(drawn), String.valueOf(drawn)));
        node.addAll(overrides());
        String[] args = node.toArray(String[]::new);
        NodeProcess first = NodeProcess.launch(log, args);
        first.await("READY", 300);
        long t0 = System.nanoTime();
        long beforeKill = first.awaitProgress(drawn / 2, 600);
        long tKill = System.nanoTime();
        first.killHard();
        NodeProcess second = NodeProcess.launch(log, args);
        second.await("READY", 300);
        long tRestarted = System.nanoTime();
        second.await("DONE", 900);
        long tDone = System.nanoTime();
        String check = second.await("CHECK", 60);
        String[] bare = second.await("BARE ", 900).split(" ");
        String[] batched = second.await("BARE_BATCHED", 900).split(" ");
        String[] inspections = second.await("PLAIN_INSPECTION", 900).split(" ");
        second.awaitExit();

        double dispatching = ((tKill - t0) + (tDone - tRestarted)) / 1e9;
        double ours = drawn / dispatching;
        double plain = Integer.parseInt(bare[1]) / (Long.parseLong(bare[2]) / 1e3);
        double plainBatched = Integer.parseInt(batched[1]) / (Long.parseLong(batched[2]) / 1e3);
        line("派发 %d 项检查（每项一个 inspection 流程实例，含检查通知书）：派发用时 %.1f s（kill -9 前 %.1f s 已派发 %d 项；重启节点 %.1f s 不计入；重启后 %.1f s），%.0f 个/秒",
                drawn, dispatching, (tKill - t0) / 1e9, beforeKill, (tRestarted - tKill) / 1e9, (tDone - tRestarted) / 1e9, ours);
        line("kill -9 并重启后核对：%s（每项都应为 %d）", check.substring("CHECK ".length()), drawn);
        line("对照：引擎原生方式启动 %s 个单用户任务流程，每次调用一个事务 %.0f 个/秒，每 500 个一个事务 %.0f 个/秒；本平台速率/原生速率 = %.2f / %.2f",
                bare[1], plain, plainBatched, ours / plain, ours / plainBatched);
        double plainInspections = Integer.parseInt(inspections[1]) / (Long.parseLong(inspections[2]) / 1e3);
        line("对照：同一 inspection 流程（含检查通知书、同样的变量）以引擎原生方式逐个启动 %s 个：%.0f 个/秒；本平台派发/逐个启动 = %.2f",
                inspections[1], plainInspections, ours / plainInspections);
    }

    private static void line(String format, Object... args) {
        String text = String.format(format, args);
        summary.add(text);
        System.out.println(text);
    }

    /** Samples the used heap every 20 ms; a rough but honest peak. */
    private static final class HeapWatch {
        private final Thread thread;
        private volatile boolean running = true;
        private volatile long peak;

        private HeapWatch() {
            thread = new Thread(() -> {
                var memory = ManagementFactory.getMemoryMXBean();
                while (running) {
                    peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
        }

        static HeapWatch start() {
            HeapWatch watch = new HeapWatch();
            watch.thread.start();
            return watch;
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return peak;
        }
    }

}
