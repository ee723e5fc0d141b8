package cn.spotcheck.bench;

import static cn.spotcheck.Fixtures.count;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.spotcheck.ClusterNode;
import cn.spotcheck.GeneratedDirectory;
import cn.spotcheck.PlatformNode;
import cn.spotcheck.SecondPlatform;
import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.identity.Roles;

/**
 * A province's year, end to end, on this machine: 500,000 targets and 5,000 officers; 20 items; a plan of 40 tasks
 * written by 法规科, approved by 法制 and 司法局 in Tasklist; each task drawn and confirmed, the 60,000 inspections
 * fanned out by the job executor; then every inspection worked by its officers (现场检查, 结果录入), every result
 * published by 法规科, and every finding followed up (责令整改, 复查) — all through the platform's API and the engine's
 * REST API as each of those users, on 8 threads (8 people at their desks at once). The year runs on the engine's
 * clock: February for the plan, April for the draws, May for the inspections. Printed: each phase's time and rate,
 * and at the end what is left behind (it should be nothing: no open task, no unpublished result, no job due, no
 * incident, no module event unhandled).
 * <p>
 * The harness finds which officer holds each task in the database, standing in for that officer opening Tasklist;
 * the work itself — each completion with its form's values — goes through {@code /engine-rest} as that officer.
 * <p>
 * {@code MAVEN_OPTS=-Xmx1g ./mvnw -B -q test-compile exec:java -Dexec.mainClass=cn.spotcheck.bench.ProvinceYearBench -Dexec.classpathScope=test}
 * ({@code -Dbench.scale=0.1} for a tenth of the province: 50,000 targets, 6,000 inspections; {@code -Dbench.threads=8};
 * {@code -Dbench.statements=true} prints after each step the statements that took the database's time in it)
 */
public final class ProvinceYearBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ITEMS = 20;
    private static final int TASKS = 40;
    private static final String DEPARTMENT = "运输管理科";
    private static final LocalDate INSPECTED = LocalDate.of(2027, 5, 10);
    /** Every twentieth result finds something, ordered put right: 责令整改, then 复查. */
    private static final int FINDING_EVERY = 20;

    private static final List<String> report = new ArrayList<>();
    /** -Dbench.statements=true: after each step, the statements that took the database's time in it. */
    private static final boolean STATEMENTS = Boolean.getBoolean("bench.statements");

    private ProvinceYearBench() {
    }

    public static void main(String[] args) throws Exception {
        double scale = Double.parseDouble(System.getProperty("bench.scale", "1.0"));
        int threads = Integer.getInteger("bench.threads", 8);
        int targets = (int) Math.round(500_000 * scale);
        int inspectors = Math.max(100, (int) Math.round(5_000 * scale));
        int inspections = (int) Math.round(60_000 * scale);
        line("机器：%d 核，最大堆 %d MB，Java %s；规模 %.2f（%d 户检查对象、%d 名执法人员、%d 个事项、%d 项任务、约 %d 项检查），%d 个并发用户",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"),
                scale, targets, inspectors, ITEMS, TASKS, inspections, threads);
        Path dataDir = Files.createTempDirectory("spotcheck-province-year");
        long start = System.nanoTime();
        // A node as in production (its job executor, durable database), with the demo users and a smaller buffer cache.
        try (ConfigurableApplicationContext app = SecondPlatform.startWithWeb(new String[] {"demo", "test"}, dataDir,
                PlatformNode.settings(List.of("--server.port=0", "--spotcheck.embedded-db.shared-buffers=256MB",
                        "--spotcheck.embedded-db.statement-statistics=" + STATEMENTS)))) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Api api = new Api("http://localhost:" + app.getEnvironment().getProperty("local.server.port"));
            try {
                year(jdbc, api, targets, inspectors, inspections, threads);
            } catch (Exception e) {
                e.printStackTrace();
                System.exit(1);
            } finally {
                ClockUtil.reset();
            }
        }
        line("全年合计：%.1f 分钟（目标 < 30 分钟）", (System.nanoTime() - start) / 60e9);
        System.out.println("\n===== 一个省的一年 =====");
        report.forEach(System.out::println);
        System.exit(0);
    }

    private static void year(JdbcTemplate jdbc, Api api, int targets, int inspectors, int inspections, int threads) throws Exception {
        long t = System.nanoTime();
        GeneratedDirectory.fillTargets(jdbc, targets);
        GeneratedDirectory.addInspectors(jdbc, inspectors, inspectors);
        // The generated officers log in with the demo password, as the bureau's accounts would with their own.
        jdbc.update("""
                update act_id_user set pwd_ = d.pwd_, salt_ = d.salt_ from (select pwd_, salt_ from act_id_user where id_ = 'zf001') d
                where act_id_user.id_ like 'B%'""");
        jdbc.update("insert into act_id_membership (user_id_, group_id_) select id_, ? from act_id_user where id_ like 'B%' on conflict do nothing",
                Roles.INSPECTOR);
        phase("一单两库：生成检查对象与执法人员", t, targets, "户");

        clock(2027, 2, 10);
        t = System.nanoTime();
        List<String> categories = List.of(GeneratedDirectory.CATEGORIES);
        for (int i = 1; i <= ITEMS; i++) {
            api.post("fagui", "/api/items", Map.of("code", item(i), "name", "模拟检查事项 " + i, "type", "GENERAL",
                    "categories", List.of(categories.get(i % categories.size())), "legalBasis", "《道路运输条例》",
                    "department", DEPARTMENT, "expertise", List.of("道路货运"), "jointCheckable", false));
        }
        long planId = api.post("fagui", "/api/plans", Map.of("year", 2027, "department", DEPARTMENT,
                "title", "2027 年度全省交通运输随机抽查计划（模拟）")).get("id").asLong();
        // Each category is the scope of five tasks, at the lowest ratio a general item allows (3 %), over as many of
        // the eleven regions as give about 1,500 inspections a task.
        long perCategory = jdbc.queryForObject("select count(*) from spotcheck.target where category = ?", Long.class, categories.get(1));
        String ratio = "0.03";
        int regionCount = (int) Math.max(1, Math.min(GeneratedDirectory.REGIONS.length,
                Math.round(inspections / (double) TASKS / 0.03 / perCategory * GeneratedDirectory.REGIONS.length)));
        List<String> regions = List.of(GeneratedDirectory.REGIONS).subList(0, regionCount);
        List<Long> taskIds = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            int item = i % ITEMS + 1;
            Map<String, Object> task = new LinkedHashMap<>();
            task.put("name", "模拟抽查任务 " + (i + 1));
            task.put("itemCodes", List.of(item(item)));
            task.put("targetFilter", Map.of("categories", List.of(categories.get(item % categories.size())), "regions", regions));
            task.put("ratio", ratio);
            task.put("inspectorsPerTarget", 2);
            task.put("start", "2027-04-01");
            task.put("end", "2027-10-31");
            taskIds.add(api.post("fagui", "/api/plans/" + planId + "/tasks", task).get("id").asLong());
        }
        api.post("fagui", "/api/plans/" + planId + "/submit", Map.of());
        clock(2027, 3, 2);
        api.complete("fazhi", api.taskOf("fazhi", String.valueOf(planId), "legalReview"), Map.of("approved", true, "comment", "同意"));
        api.complete("sifa", api.taskOf("sifa", String.valueOf(planId), "justiceReview"), Map.of("approved", true, "comment", "同意发布"));
        phase("计划：20 个事项、40 项任务，法制审核、司法局审核", t, TASKS, "项任务");

        clock(2027, 4, 1);
        t = System.nanoTime();
        for (long taskId : taskIds) {
            api.post("fagui", "/api/tasks/" + taskId + "/start", Map.of());
            api.complete("fazhi", api.taskOf("fazhi", String.valueOf(taskId), "confirmDraw"), Map.of("approved", true, "comment", "同意"));
        }
        Long[] tasks = taskIds.toArray(Long[]::new);
        long drawn = count(jdbc, "select count(*) from spotcheck.draw_assignment a join spotcheck.draw_record d on d.id = a.draw_id "
                + "where d.task_id = any(?)", (Object) tasks);
        phase("抽取并确认 40 项任务（抽取检查对象与执法人员，各自可复核）", t, drawn, "户");
        resetStatements(jdbc);
        t = System.nanoTime();
        ClusterNode.waitFor(() -> count(jdbc, "select count(*) from spotcheck.inspection where task_id = any(?)", (Object) tasks) >= drawn, 3600);
        settle(jdbc);
        phase("派发（作业执行器，每项一个检查流程与检查通知书）", t, drawn, "项");
        printStatements(jdbc, "派发");

        clock(2027, 5, 10);
        work(jdbc, api, threads, "onSiteInspection", "现场检查（执法人员）", null);
        work(jdbc, api, threads, "resultEntry", "结果录入（执法人员）", null);
        clock(2027, 5, 12);
        work(jdbc, api, threads, "publishResult", "审核公示（法规科）", "fagui");
        clock(2027, 5, 13);
        work(jdbc, api, threads, "orderRectification", "责令整改（执法人员）", null);
        clock(2027, 5, 19);
        work(jdbc, api, threads, "recheck", "复查并结案（执法人员）", null);

        line("遗留：检查与后续处置的待办任务 %d，未公示的检查 %d，未结的后续处置 %d，到期未执行的作业 %d，事件未处理 %d，故障（incident）%d",
                count(jdbc, "select count(*) from act_ru_task t join act_re_procdef d on d.id_ = t.proc_def_id_ where d.key_ in ('inspection', 'follow-up')"),
                count(jdbc, "select count(*) from spotcheck.inspection where published_at is null"),
                count(jdbc, "select count(*) from spotcheck.follow_up where status <> 'CLOSED'"),
                count(jdbc, "select count(*) from act_ru_job where duedate_ is null or duedate_ <= ?",
                        new java.sql.Timestamp(ClockUtil.getCurrentTime().getTime())),
                count(jdbc, "select count(*) from spotcheck.event_publication where completion_date is null"),
                count(jdbc, "select count(*) from act_ru_incident"));
        line("公示报送：%d 次运行、%d 批（其间稍候汇集 %d 次），待报送 %d 条",
                count(jdbc, "select count(*) from act_hi_procinst where proc_def_key_ = 'publication-delivery'"),
                count(jdbc, "select count(*) from act_hi_job_log where process_def_key_ = 'publication-delivery' and job_state_ = 2 and act_id_ = 'deliverBatch'"),
                count(jdbc, "select count(*) from act_hi_job_log where process_def_key_ = 'publication-delivery' and job_state_ = 2 and act_id_ = 'gatherMore'"),
                count(jdbc, "select count(*) from spotcheck.publication_delivery where status = 'PENDING'"));
        line("其余待办（不属于这一年的检查）：%s", jdbc.queryForList("select t.name_ from act_ru_task t join act_re_procdef d on d.id_ = t.proc_def_id_ "
                + "where d.key_ not in ('inspection', 'follow-up') order by t.name_", String.class));
    }

    /**
     * Completes every open task of one step through the engine's REST API as the user holding it (its first
     * candidate; {@code groupUser} for a group's task), on {@code threads} at once; then lets the background settle.
     */
    private static void work(JdbcTemplate jdbc, Api api, int threads, String key, String title, String groupUser) throws Exception {
        resetStatements(jdbc);
        long t = System.nanoTime();
        List<Map<String, Object>> open = jdbc.queryForList("""
                select t.id_ id, min(i.user_id_) holder, e.business_key_ code from act_ru_task t
                join act_ru_execution e on e.id_ = t.proc_inst_id_
                left join act_ru_identitylink i on i.task_id_ = t.id_ and i.type_ = 'candidate' and i.user_id_ is not null
                where t.task_def_key_ = ? group by t.id_, e.business_key_""", key);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger failed = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (Map<String, Object> task : open) {
            String holder = task.get("holder") != null ? (String) task.get("holder") : groupUser;
            done.add(pool.submit(() -> {
                if (!api.tryComplete(holder, (String) task.get("id"), values(key, (String) task.get("code")))) {
                    failed.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        settle(jdbc);
        phase(title + (failed.get() > 0 ? "，失败 " + failed.get() + " 次" : ""), t, open.size(), "个任务");
        printStatements(jdbc, title);
    }

    private static void resetStatements(JdbcTemplate jdbc) {
        if (STATEMENTS) {
            StatementStatistics.reset(jdbc);
        }
    }

    private static void printStatements(JdbcTemplate jdbc, String title) {
        if (STATEMENTS) {
            System.out.println("---- " + title + "：数据库语句耗时（前 15 条，含等锁）");
            StatementStatistics.print(jdbc, 15);
        }
    }

    /** What each step's form submits. */
    private static Map<String, Object> values(String key, String code) {
        String day = BureauTime.today().toString();
        boolean finding = Math.floorMod(code.hashCode(), FINDING_EVERY) == 0;
        return switch (key) {
            case "onSiteInspection" -> Map.of("inspectionDate", day, "onSiteNotes", "证照齐全，现场检查");
            case "resultEntry" -> finding
                    ? Map.of("resultCategory", "发现问题已责令改正", "findings", "维修记录不全", "inspectionEndDate", day)
                    : Map.of("resultCategory", "未发现问题", "findings", "无", "inspectionEndDate", day);
            case "publishResult" -> Map.of("publicationConfirmed", true);
            case "orderRectification" -> Map.of("rectificationDeadline", INSPECTED.plusDays(10).toString(), "rectificationRequirements", "补全维修记录");
            case "recheck" -> Map.of("rectified", true, "recheckNotes", "已整改", "closureNote", "整改到位");
            default -> throw new IllegalArgumentException(key);
        };
    }

    /** Waits for the job executor and the module events: what a step leaves to the background, done before the next. */
    private static void settle(JdbcTemplate jdbc) throws InterruptedException {
        // Due by the engine's clock, which the year moves, not the database's; and due within seconds: the publication
        // channel's run, which waits a moment for the results published with it.
        while (count(jdbc, "select count(*) from act_ru_job where (duedate_ is null or duedate_ <= ?) and retries_ > 0",
                new java.sql.Timestamp(ClockUtil.getCurrentTime().getTime() + 10_000))
                + count(jdbc, "select count(*) from spotcheck.event_publication where completion_date is null") > 0) {
            Thread.sleep(500);
        }
    }

    private static String item(int i) {
        return String.format("SIM-%02d", i);
    }

    /** The engine's clock (and with it every "today" of the platform) at 10:00 that day, and running from there. */
    private static void clock(int year, int month, int day) {
        ClockUtil.offset(LocalDateTime.of(year, month, day, 10, 0).atZone(BureauTime.ZONE).toInstant().toEpochMilli()
                - System.currentTimeMillis());
    }

    private static void phase(String title, long startNanos, long n, String unit) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        line("%-40s %8d %s  %7.1f s  %8.1f /s", title, n, unit, seconds, n / Math.max(seconds, 0.001));
    }

    private static void line(String format, Object... args) {
        String text = String.format(format, args);
        report.add(text);
        System.out.println(text);
    }

    /** The platform's API and the engine's REST API, with HTTP Basic as each user. */
    private static final class Api {
        private final HttpClient http = HttpClient.newHttpClient();
        private final String base;

        Api(String base) {
            this.base = base;
        }

        JsonNode post(String user, String path, Object body) throws Exception {
            HttpResponse<String> answer = send(user, path, body);
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException(user + " POST " + path + " → " + answer.statusCode() + " " + answer.body());
            }
            return answer.body().isBlank() ? JSON.nullNode() : JSON.readTree(answer.body());
        }

        /** The id of the open task {@code key} of the process with that business key, as {@code user} sees it. */
        String taskOf(String user, String businessKey, String key) throws Exception {
            HttpResponse<String> answer = http.send(request(user, "/engine-rest/task?processInstanceBusinessKey=" + businessKey
                    + "&taskDefinitionKey=" + key).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode tasks = JSON.readTree(answer.body());
            if (answer.statusCode() != 200 || tasks.size() != 1) {
                throw new IllegalStateException(user + " 找不到任务 " + key + "（" + businessKey + "）：" + answer.statusCode() + " " + answer.body());
            }
            return tasks.get(0).get("id").asText();
        }

        void complete(String user, String taskId, Map<String, Object> values) throws Exception {
            if (!tryComplete(user, taskId, values)) {
                throw new IllegalStateException(user + " 办理任务 " + taskId + " 失败");
            }
        }

        boolean tryComplete(String user, String taskId, Map<String, Object> values) {
            Map<String, Object> variables = new LinkedHashMap<>();
            values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
            try {
                HttpResponse<String> answer = send(user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
                if (answer.statusCode() / 100 != 2) {
                    System.out.println(user + " 办理任务 " + taskId + " → " + answer.statusCode() + " " + answer.body());
                    return false;
                }
                return true;
            } catch (Exception e) {
                System.out.println(user + " 办理任务 " + taskId + " → " + e);
                return false;
            }
        }

        private HttpResponse<String> send(String user, String path, Object body) throws Exception {
            return http.send(request(user, path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String user, String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
    }
}
