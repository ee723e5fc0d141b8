package cn.spotcheck.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.spotcheck.GeneratedDirectory;
import cn.spotcheck.PlatformNode;
import cn.spotcheck.SecondPlatform;
import cn.spotcheck.draw.InspectorDraws;
import cn.spotcheck.draw.TargetDraws;
import cn.spotcheck.identity.Roles;

/**
 * Officers in Tasklist at once against about 50,000 open inspections (real ones: drawn, fanned out, each offered to
 * its two officers), on this machine. Each officer logs in as Tasklist does and, over and over, asks what Tasklist asks
 * when its page is opened or refreshed and a task is opened: the filters with their counts, the 我的待办 list (HAL,
 * sorted by due date), then the first task, its form, its form's variables and its deployed Camunda Form. Printed:
 * each kind of request's median, 95th and 99th percentile, and all requests' together, for one officer alone and for
 * 50 at once — pausing about a second after each screen (brisk), then about five (reading it); the target: p95 under
 * 300 ms — and the same 50 without pausing, as a stress test: what the machine gives when saturated. Before the
 * figures, 15 s of five officers warm the JIT and the caches (the first click after a restart is slower).
 * <p>
 * {@code MAVEN_OPTS=-Xmx1g ./mvnw -B -q test-compile exec:java -Dexec.mainClass=cn.spotcheck.bench.TasklistBench -Dexec.classpathScope=test}
 * ({@code -Dbench.users=50 -Dbench.seconds=60 -Dbench.thinkMillis=1000,5000 -Dbench.targets=500000 -Dbench.ratio=0.09})
 */
public final class TasklistBench {

    private static final Pattern TASK_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private TasklistBench() {
    }

    public static void main(String[] args) throws Exception {
        int users = Integer.getInteger("bench.users", 50);
        // A brisk officer (a second per screen) and one who reads it (five seconds); each is a run of its own.
        List<Integer> thinks = java.util.Arrays.stream(System.getProperty("bench.thinkMillis", "1000,5000").split(","))
                .map(Integer::valueOf).toList();
        int seconds = Integer.getInteger("bench.seconds", 60);
        int targets = Integer.getInteger("bench.targets", 500_000);
        String ratio = System.getProperty("bench.ratio", "0.09");
        System.out.printf("机器：%d 核，最大堆 %d MB，Java %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        // -Dbench.dataDir=… keeps the database, and a second run on it skips the preparation (for profiling).
        String kept = System.getProperty("bench.dataDir");
        Path dataDir = kept != null ? Path.of(kept) : Files.createTempDirectory("spotcheck-tasklist-bench");
        Integer slowSql = Integer.getInteger("bench.slowSqlMillis");
        // A node as in production (its job executor, durable database), with the demo users and a smaller buffer cache.
        try (ConfigurableApplicationContext app = SecondPlatform.startWithWeb(new String[] {"demo", "test"}, dataDir,
                PlatformNode.settings(List.of("--server.port=0", "--spotcheck.embedded-db.shared-buffers=256MB")))) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            // -Dbench.slowSqlMillis=… (with a kept database): PostgreSQL logs every statement slower than that to
            // <dataDir>/pglog/pg.log, from the next run on (its log collector starts with the server).
            if (slowSql != null) {
                jdbc.execute("alter system set logging_collector = on");
                jdbc.execute("alter system set log_directory = '" + dataDir.resolve("pglog").toAbsolutePath() + "'");
                jdbc.execute("alter system set log_filename = 'pg.log'");
                jdbc.execute("alter system set log_min_duration_statement = " + slowSql);
                jdbc.execute("select pg_reload_conf()");
            }
            if (jdbc.queryForObject("select count(*) from spotcheck.inspection", Long.class) == 0) {
                prepare(app, jdbc, targets, ratio);
            }
            List<String> officers = jdbc.queryForList("select m.user_id_ from act_id_membership m join act_id_user u on u.id_ = m.user_id_ "
                    + "where m.group_id_ = ? and u.pwd_ is not null and u.id_ like 'B%' order by u.id_ limit ?", String.class, Roles.INSPECTOR, users);
            if (officers.size() < users) {
                officers = officers(app, jdbc, users);
            }
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            String myTasks = app.getBean(FilterService.class).createFilterQuery().filterName("我的待办").singleResult().getId();

            load(base, myTasks, officers.subList(0, Math.min(5, users)), 15, 0); // warms the JIT and the caches; not reported
            Map<String, List<Long>> alone = load(base, myTasks, officers.subList(0, 1), 30, thinks.get(0));
            report("1 名执法人员单独使用（30 秒，每次操作后停顿约 " + thinks.get(0) + " ms）", alone);
            for (int think : thinks) {
                Map<String, List<Long>> together = load(base, myTasks, officers, seconds, think);
                report(users + " 名执法人员同时使用（" + seconds + " 秒，每次操作后停顿约 " + think + " ms）", together);
            }
            Map<String, List<Long>> stress = load(base, myTasks, officers, 30, 0);
            report(users + " 名执法人员不停顿地连续请求（30 秒，压力测试）", stress);
        }
        System.exit(0);
    }

    /** The directory, the task, its draw and its fan-out, then what the fan-out leaves to do in the background. */
    private static void prepare(ConfigurableApplicationContext app, JdbcTemplate jdbc, int targets, String ratio) throws InterruptedException {
        long t0 = System.nanoTime();
        GeneratedDirectory.fillTargets(jdbc, targets);
        GeneratedDirectory.addInspectors(jdbc, 5000, 0);
        long taskId = GeneratedDirectory.publishedTask(app, ratio);
        app.getBean(TargetDraws.class).draw(taskId);
        app.getBean(InspectorDraws.class).draw(taskId);
        long drawn = jdbc.queryForObject("select count(*) from spotcheck.draw_assignment a join spotcheck.draw_record d on d.id = a.draw_id "
                + "where d.task_id = ?", Long.class, taskId);
        System.out.printf("准备：%d 户检查对象，抽中 %d 户，用时 %d s%n", targets, drawn, (System.nanoTime() - t0) / 1_000_000_000);
        long t1 = System.nanoTime();
        GeneratedDirectory.confirmDraw(app, taskId);
        long started;
        do {
            Thread.sleep(2000);
            started = jdbc.queryForObject("select count(*) from spotcheck.inspection where task_id = ?", Long.class, taskId);
        } while (started < drawn);
        long dispatchSeconds = Math.max(1, (System.nanoTime() - t1) / 1_000_000_000);
        // What the fan-out leaves to do in the background (jobs due, module events not yet handled) is done before
        // the officers come, as it would be by the next morning.
        long t2 = System.nanoTime();
        long left;
        do {
            Thread.sleep(2000);
            left = jdbc.queryForObject("select count(*) from act_ru_job where duedate_ is null or duedate_ <= now()", Long.class)
                    + jdbc.queryForObject("select count(*) from spotcheck.event_publication where completion_date is null", Long.class);
        } while (left > 0);
        System.out.printf("派发后的后台工作（作业、模块事件）：%d s%n", (System.nanoTime() - t2) / 1_000_000_000);
        // The statistics the planner needs for the tables just filled, as autovacuum gathers them within a minute or so.
        jdbc.execute("vacuum analyze");
        long open = app.getBean(TaskService.class).createTaskQuery().count();
        System.out.printf("派发：%d 项检查，用时 %d s（%d 项/秒）；Tasklist 中待办任务 %d 个%n", started, dispatchSeconds,
                started / dispatchSeconds, open);
    }

    /** Meets the password policy: 10 characters, both cases, a digit, a special character. */
    private static final String PASSWORD = "Bench-pass-2026";

    /** The officers with the most open tasks, given a password and their group, as the bureau's accounts would be. */
    private static List<String> officers(ConfigurableApplicationContext app, JdbcTemplate jdbc, int count) {
        List<String> ids = jdbc.queryForList("""
                select user_id_ from act_ru_identitylink where type_ = 'candidate' and user_id_ is not null
                group by user_id_ order by count(*) desc limit ?""", String.class, count);
        IdentityService identity = app.getBean(IdentityService.class);
        for (String id : ids) {
            User user = identity.createUserQuery().userId(id).singleResult();
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            identity.createMembership(id, Roles.INSPECTOR);
        }
        Integer tasks = jdbc.queryForObject("select count(*) from act_ru_identitylink where type_ = 'candidate' and user_id_ = ?", Integer.class, ids.get(0));
        System.out.printf("登录的执法人员：%d 名（每人约 %d 项待办）%n", ids.size(), tasks);
        return ids;
    }

    /**
     * Each officer on a thread of their own, for {@code seconds}: the latencies by kind of request. All log in first
     * (not measured), then each begins at a random moment within the first pause, as people arriving at their desks
     * do, rather than 50 clicks in the same millisecond.
     */
    private static Map<String, List<Long>> load(String base, String filterId, List<String> officers, int seconds, int think) throws Exception {
        Map<String, List<Long>> times = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(officers.size());
        List<Future<Officer>> loggedIn = new ArrayList<>();
        for (String officer : officers) {
            loggedIn.add(pool.submit(() -> new Officer(base, officer)));
        }
        List<Officer> present = new ArrayList<>();
        for (Future<Officer> officer : loggedIn) {
            present.add(officer.get());
        }
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int i = 0; i < present.size(); i++) {
            Officer o = present.get(i);
            java.util.Random random = new java.util.Random(officers.get(i).hashCode());
            pool.submit(() -> {
                try {
                    Thread.sleep(think == 0 ? 0 : random.nextInt(think));
                    while (System.nanoTime() < until) {
                        o.refresh(filterId, times, think, random);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        if (!failures.isEmpty()) {
            throw new IllegalStateException("执法人员的请求失败：" + failures.get(0), failures.get(0));
        }
        return times;
    }

    private static void report(String title, Map<String, List<Long>> times) {
        System.out.println("\n===== Tasklist 负载：" + title + " =====");
        List<Long> all = new ArrayList<>();
        new TreeMap<>(times).forEach((kind, list) -> {
            if (!kind.startsWith("失败")) {
                all.addAll(list);
            }
            System.out.println(line(kind, list));
        });
        System.out.println(line("全部成功的请求", all) + (percentile(all, 95) < 300 ? "" : "  ← 未达标（目标 p95 < 300 ms）"));
    }

    private static String line(String kind, List<Long> list) {
        return String.format("  %-34s %7d 次  中位数 %4d ms  p95 %4d ms  p99 %4d ms", kind, list.size(), percentile(list, 50),
                percentile(list, 95), percentile(list, 99));
    }

    private static long percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** One officer's Tasklist: its session and XSRF token, and the requests it makes. */
    private static final class Officer {
        private final HttpClient http = HttpClient.newHttpClient();
        private final String base;
        private final Map<String, String> cookies = new HashMap<>();
        private String xsrf;

        Officer(String base, String user) throws Exception {
            this.base = base;
            HttpResponse<String> welcome = http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            keep(welcome);
            xsrf = welcome.headers().firstValue("X-XSRF-TOKEN").orElse(xsrf);
            HttpResponse<String> login = http.send(request("/camunda/api/admin/auth/user/default/login/tasklist")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
            if (login.statusCode() != 200) {
                throw new IllegalStateException(user + " 登录任务列表失败：" + login.statusCode());
            }
            keep(login);
        }

        /** Opens Tasklist (filters, list), pauses, opens the first task (the task, its form, variables, definition), pauses. */
        void refresh(String filterId, Map<String, List<Long>> times, int think, java.util.Random random) throws Exception {
            String engine = "/camunda/api/engine/engine/default";
            timed("过滤器及其任务数", times, request(engine + "/filter?resourceType=Task&itemCount=true").GET());
            String list = timed("我的待办列表（前 15 项）", times, request(engine + "/filter/" + filterId + "/list?firstResult=0&maxResults=15")
                    .header("Accept", "application/hal+json").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}],"
                            + "\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[]}")));
            Matcher task = TASK_ID.matcher(list.substring(Math.max(0, list.indexOf("\"task\""))));
            if (!task.find()) {
                return; // the list failed (counted); the next round tries again
            }
            String id = task.group(1);
            pause(think, random);
            timed("打开任务", times, request(engine + "/task/" + id).GET());
            timed("任务表单", times, request(engine + "/task/" + id + "/form").GET());
            timed("表单变量", times, request(engine + "/task/" + id + "/form-variables").GET());
            timed("表单定义（Camunda Form）", times, request(engine + "/task/" + id + "/deployed-form").GET());
            pause(think, random);
        }

        /** A person reading the screen: half to one and a half times {@code think}. */
        private static void pause(int think, java.util.Random random) throws InterruptedException {
            if (think > 0) {
                Thread.sleep(think / 2 + random.nextInt(think + 1));
            }
        }

        private String timed(String kind, Map<String, List<Long>> times, HttpRequest.Builder request) throws Exception {
            long t0 = System.nanoTime();
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - t0) / 1_000_000;
            if (answer.statusCode() >= 400) {
                times.computeIfAbsent("失败的请求（" + answer.statusCode() + "）", k -> Collections.synchronizedList(new ArrayList<>())).add(millis);
                return "";
            }
            keep(answer);
            times.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>())).add(millis);
            return answer.body();
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
            if (!cookies.isEmpty()) {
                request.header("Cookie", String.join("; ", cookies.values()));
            }
            if (xsrf != null) {
                request.header("X-XSRF-TOKEN", xsrf);
            }
            return request;
        }

        private void keep(HttpResponse<String> answer) {
            for (String cookie : answer.headers().allValues("Set-Cookie")) {
                String pair = cookie.split(";")[0];
                cookies.put(pair.substring(0, pair.indexOf('=')), pair);
                if (pair.startsWith("XSRF-TOKEN=")) {
                    xsrf = pair.substring("XSRF-TOKEN=".length());
                }
            }
        }
    }
}
