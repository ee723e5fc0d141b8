package cn.spotcheck.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.spotcheck.SecondPlatform;
import cn.spotcheck.catalog.CreditCode;
import cn.spotcheck.catalog.ImportReport;
import cn.spotcheck.catalog.ItemInput;
import cn.spotcheck.catalog.ItemList;
import cn.spotcheck.catalog.PageOf;
import cn.spotcheck.catalog.TargetDirectory;
import cn.spotcheck.catalog.TargetImport;
import cn.spotcheck.catalog.TargetQuery;
import cn.spotcheck.catalog.TargetView;
import cn.spotcheck.draw.TaskDraws;
import cn.spotcheck.plan.AnnualPlans;
import cn.spotcheck.plan.PlanInput;
import cn.spotcheck.plan.TaskInput;

/**
 * The platform's figures on this machine, through its real services on embedded PostgreSQL: import of a
 * 200,000-row .xlsx, search over 1,000,000 targets, the persisted draw of ~30,000 targets with 5,000 inspectors and
 * 10,000 recusals (against PostgreSQL's own ORDER BY random()), and the fan-out of one inspection per drawn target
 * (against starting a bare one-task process the plain engine way). Run as the README says; prints a summary.
 */
public final class PlatformBench {

    private static final String[] CATEGORIES = {"公路客运", "公路货运", "水路运输", "公交", "出租", "机动车维修", "驾驶员培训", "行业个体经营者"};
    private static final String[] REGIONS = {"南关区", "宽城区", "朝阳区", "二道区", "绿园区", "双阳区", "九台区", "农安县", "榆树市", "德惠市", "公主岭市"};
    private static final String[] WORDS = {"顺达", "通达", "宏运", "吉通", "长运", "兴盛", "恒通", "安达", "鑫源", "华宇", "东方", "金桥",
            "北方", "远航", "汇通", "德隆", "瑞丰", "永安", "泰和", "天成", "万里", "佳程", "众诚", "广源", "祥和", "盛达", "运昌", "新程", "骏马", "畅行"};

    private static final List<String> summary = new ArrayList<>();

    private PlatformBench() {
    }

    /** How a benchmark node runs: with its job executor, the production slice size, and any -Dbench.args to try. */
    static String[] nodeArgs() {
        List<String> args = new ArrayList<>(List.of("--camunda.bpm.job-execution.enabled=true", "--logging.level.root=warn",
                "--spotcheck.dispatch.batch-size=500"));
        // e.g. -Dbench.args="--spotcheck.dispatch.threads=4"
        args.addAll(List.of(System.getProperty("bench.args", "").split(" ")).stream().filter(a -> !a.isBlank()).toList());
        return args.toArray(String[]::new);
    }

    public static void main(String[] args) throws Exception {
        int importRows = Integer.parseInt(System.getProperty("bench.importRows", "200000"));
        int totalTargets = Integer.parseInt(System.getProperty("bench.targets", "1000000"));
        // Which parts to run, e.g. -Dbench.parts=draw,fanout while working on the fan-out; the draw needs the targets.
        Set<String> parts = Set.of(System.getProperty("bench.parts", "import,search,draw,fanout").split(","));
        Path dataDir = Files.createTempDirectory("spotcheck-bench");
        line("机器：%d 核，最大堆 %d MB，Java %s", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        try (ConfigurableApplicationContext app = SecondPlatform.start(dataDir, "bench", nodeArgs())) {
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
                sheet.value(r, 1, "长春" + WORDS[random.nextInt(WORDS.length)] + WORDS[random.nextInt(WORDS.length)] + "物流有限公司" + r);
                sheet.value(r, 2, CATEGORIES[random.nextInt(CATEGORIES.length)]);
                sheet.value(r, 3, REGIONS[random.nextInt(REGIONS.length)]);
                sheet.value(r, 4, creditLevel(r)); // the same spread as the generated million, so ~30,000 are drawn
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

    /** Most operators keep faith: 40 % A, 45 % B, 10 % C, 5 % D. */
    private static String creditLevel(int n) {
        int p = n % 100;
        return p < 40 ? "A" : p < 85 ? "B" : p < 95 ? "C" : "D";
    }

    // --- a million targets -----------------------------------------------------------------------------------

    private static void fill(ConfigurableApplicationContext app, int total) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        Integer existing = jdbc.queryForObject("select count(*) from spotcheck.target", Integer.class);
        int missing = total - (existing == null ? 0 : existing);
        long t0 = System.nanoTime();
        jdbc.update("""
                insert into spotcheck.target (uscc, name, category, region, operating_status, credit_level, tags, created_at, updated_at)
                select 'B' || lpad(g::text, 17, '0'),
                       '长春' || (?::text[])[1 + g % 30] || (?::text[])[1 + (g / 30) % 30] || (?::text[])[1 + (g / 900) % 8] || g,
                       (?::text[])[1 + (g / 7) % 8], (?::text[])[1 + (g / 3) % 11], '在营',
                       case when g % 100 < 40 then 'A' when g % 100 < 85 then 'B' when g % 100 < 95 then 'C' else 'D' end,
                       case when g % 13 = 0 then array['新设立'] else '{}'::text[] end, now(), now()
                from generate_series(1, ?) g""",
                WORDS, WORDS, new String[] {"物流有限公司", "运输有限公司", "汽车维修有限公司", "客运有限公司", "驾驶员培训学校",
                        "出租汽车有限公司", "航运有限公司", "公交有限公司"}, CATEGORIES, REGIONS, missing);
        jdbc.execute("analyze spotcheck.target");
        line("补足至 %d 户检查对象（SQL 生成 %d 户）：%.1f s", total, missing, (System.nanoTime() - t0) / 1e9);
    }

    private static void searchBench(ConfigurableApplicationContext app) {
        TargetDirectory targets = app.getBean(TargetDirectory.class);
        search(targets, "名称片段（2 字）", i -> new TargetQuery(null, null, null, null, null, WORDS[i % WORDS.length], 0, 20, null));
        search(targets, "名称片段（4 字）", i -> new TargetQuery(null, null, null, null, null, "长春" + WORDS[i % WORDS.length], 0, 20, null));
        search(targets, "类别", i -> new TargetQuery(CATEGORIES[i % 8], null, null, null, null, null, 0, 20, null));
        search(targets, "区域", i -> new TargetQuery(null, REGIONS[i % 11], null, null, null, null, 0, 20, null));
        search(targets, "信用等级", i -> new TargetQuery(null, null, "ABCD".substring(i % 4, i % 4 + 1), null, null, null, 0, 20, null));
        search(targets, "类别+区域+等级", i -> new TargetQuery(CATEGORIES[i % 8], REGIONS[i % 11], "B", null, null, null, 0, 20, null));
        search(targets, "名称片段+类别", i -> new TargetQuery(CATEGORIES[i % 8], null, null, null, null, WORDS[i % WORDS.length], 0, 20, null));
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
        app.getBean(ItemList.class).create(new ItemInput("BENCH-1", "基准测试事项", "GENERAL", List.of(CATEGORIES), "测试依据",
                "运输管理科", List.of("道路货运"), null, true));
        jdbc.update("""
                insert into spotcheck.inspector (staff_no, name, department, status, certificate_no, certificate_valid_until,
                    expertise, created_at, updated_at)
                select 'B' || g, '执法员' || g, (array['运输管理科','综合执法支队','公路管理科','港航管理科','安全监督科'])[1 + g % 5], '在岗',
                       '22' || g, date '2030-12-31', array['道路货运'], now(), now()
                from generate_series(1, 5000) g""");
        jdbc.update("""
                insert into spotcheck.recusal (inspector_id, target_id, relation, reason, valid_from, declared_by, declared_at)
                select i.id, t.id, '利益申报', '基准测试', date '2020-01-01', 'bench', now()
                from (select id, row_number() over (order by id) rn from spotcheck.inspector) i
                join (select id, row_number() over (order by id) rn from spotcheck.target where id % 97 = 0 limit 10000) t
                  on t.rn % 5000 = i.rn % 5000""");
        AnnualPlans plans = app.getBean(AnnualPlans.class);
        long planId = plans.create(new PlanInput(2027, "运输管理科", "基准测试计划")).id();
        long taskId = plans.addTask(planId, new TaskInput("基准测试任务", List.of("BENCH-1"),
                new TaskInput.Filter(List.of(CATEGORIES), List.of(), List.of()), new BigDecimal("0.03"), 2,
                "2027-04-01", "2027-10-31", null, null, null)).id();
        plans.submit(planId);
        TaskService taskService = app.getBean(TaskService.class);
        for (String key : List.of("legalReview", "justiceReview")) {
            Task t = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(planId)).taskDefinitionKey(key).singleResult();
            taskService.complete(t.getId(), Map.of("approved", true, "comment", "同意"));
        }
        Integer candidates = jdbc.queryForObject("select count(*) from spotcheck.target where operating_status = '在营'", Integer.class);
        TaskDraws draws = app.getBean(TaskDraws.class);
        System.gc();
        HeapWatch heap = HeapWatch.start();
        long t0 = System.nanoTime();
        draws.drawTargets(taskId);
        long t1 = System.nanoTime();
        draws.drawInspectors(taskId);
        long t2 = System.nanoTime();
        long peak = heap.stop();
        int drawn = jdbc.queryForObject("select count(*) from spotcheck.draw_assignment", Integer.class);
        double persisted = (t2 - t0) / 1e9;
        line("抽取并保存：候选 %d 户，抽中 %d 户，每户 2 名（5000 名执法人员、10000 条回避）：抽取检查对象 %.2f s + 抽取执法人员 %.2f s = %.2f s，堆峰值 %d MB",
                candidates, drawn, (t1 - t0) / 1e9, (t2 - t1) / 1e9, persisted, peak >> 20);
        long t3 = System.nanoTime();
        List<Long> random = jdbc.queryForList("select id from spotcheck.target where operating_status = '在营' and category = any(?) "
                + "order by random() limit ?", Long.class, CATEGORIES, drawn);
        double orderByRandom = (System.nanoTime() - t3) / 1e9;
        line("对照：PostgreSQL ORDER BY random() LIMIT %d（只抽对象，不分层、不可复核、不派人员）：%.2f s；本平台/对照 = %.2f",
                random.size(), orderByRandom, persisted / orderByRandom);
        boolean valid = draws.verify(draws.view(taskId).id()).valid();
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
        TaskService taskService = app.getBean(TaskService.class);
        // The dispatch job is to run in the node that gets killed, not here.
        app.getBean(ProcessEngineConfigurationImpl.class).getJobExecutor().shutdown();
        app.getBean(RuntimeService.class).createProcessInstanceByKey("spot-check-task").businessKey(String.valueOf(taskId))
                .startAfterActivity("drawInspectors").setVariable("taskId", taskId).execute();
        int drawn = jdbc.queryForObject("select count(*) from spotcheck.draw_assignment", Integer.class);
        Task confirm = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(taskId)).taskDefinitionKey("confirmDraw").singleResult();
        taskService.complete(confirm.getId(), Map.of("approved", true));
        app.close();

        Path log = dataDir.resolve("nodes.log");
        String[] args = {dataDir.toString(), String.valueOf(taskId), String.valueOf(drawn), String.valueOf(drawn)};
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
