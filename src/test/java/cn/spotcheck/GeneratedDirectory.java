package cn.spotcheck;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.spotcheck.catalog.ItemInput;
import cn.spotcheck.catalog.ItemList;
import cn.spotcheck.plan.AnnualPlans;
import cn.spotcheck.plan.PlanInput;
import cn.spotcheck.plan.TaskInput;

/**
 * A directory of any size generated in SQL, and a published task over it, for the benchmark and for the tests that
 * need more targets than the demo has: 40 % of targets at credit level A, 45 % B, 10 % C, 5 % D.
 */
public final class GeneratedDirectory {

    public static final String[] CATEGORIES = {"公路客运", "公路货运", "水路运输", "公交", "出租", "机动车维修", "驾驶员培训", "行业个体经营者"};
    public static final String[] REGIONS = {"南关区", "宽城区", "朝阳区", "二道区", "绿园区", "双阳区", "九台区", "农安县", "榆树市", "德惠市", "公主岭市"};
    public static final String[] WORDS = {"顺达", "通达", "宏运", "吉通", "长运", "兴盛", "恒通", "安达", "鑫源", "华宇", "东方", "金桥",
            "北方", "远航", "汇通", "德隆", "瑞丰", "永安", "泰和", "天成", "万里", "佳程", "众诚", "广源", "祥和", "盛达", "运昌", "新程", "骏马", "畅行"};
    private static final String[] KINDS = {"物流有限公司", "运输有限公司", "汽车维修有限公司", "客运有限公司", "驾驶员培训学校",
            "出租汽车有限公司", "航运有限公司", "公交有限公司"};
    public static final String ITEM = "GEN-1";

    private GeneratedDirectory() {
    }

    /** The credit level of the n-th generated target. */
    public static String creditLevel(int n) {
        int p = n % 100;
        return p < 40 ? "A" : p < 85 ? "B" : p < 95 ? "C" : "D";
    }

    /** Adds targets until there are {@code total}; returns how many it added. */
    public static int fillTargets(JdbcTemplate jdbc, int total) {
        Integer existing = jdbc.queryForObject("select count(*) from spotcheck.target", Integer.class);
        int missing = Math.max(0, total - (existing == null ? 0 : existing));
        jdbc.update("""
                insert into spotcheck.target (uscc, name, category, region, operating_status, credit_level, tags, created_at, updated_at)
                select 'B' || lpad(g::text, 17, '0'),
                       '长春' || (?::text[])[1 + g % 30] || (?::text[])[1 + (g / 30) % 30] || (?::text[])[1 + (g / 900) % 8] || g,
                       (?::text[])[1 + (g / 7) % 8], (?::text[])[1 + (g / 3) % 11], '在营',
                       case when g % 100 < 40 then 'A' when g % 100 < 85 then 'B' when g % 100 < 95 then 'C' else 'D' end,
                       case when g % 13 = 0 then array['新设立'] else '{}'::text[] end, now(), now()
                from generate_series(1, ?) g""", WORDS, WORDS, KINDS, CATEGORIES, REGIONS, missing);
        jdbc.execute("analyze spotcheck.target");
        return missing;
    }

    /** {@code count} inspectors on duty across five departments, and {@code recusals} declared against targets. */
    public static void addInspectors(JdbcTemplate jdbc, int count, int recusals) {
        jdbc.update("""
                insert into spotcheck.inspector (staff_no, name, department, status, certificate_no, certificate_valid_until,
                    expertise, created_at, updated_at)
                select 'B' || g, '执法员' || g, (array['运输管理科','综合执法支队','公路管理科','港航管理科','安全监督科'])[1 + g % 5], '在岗',
                       '22' || g, date '2030-12-31', array['道路货运'], now(), now()
                from generate_series(1, ?) g""", count);
        // Each drawable inspector has a login with his staff number (the engine's user table).
        jdbc.update("""
                insert into public.act_id_user (id_, rev_, first_, last_)
                select 'B' || g, 1, '执法员' || g, '' from generate_series(1, ?) g
                on conflict do nothing""", count);
        jdbc.update("""
                insert into spotcheck.recusal (inspector_id, target_id, relation, reason, valid_from, declared_by, declared_at)
                select i.id, t.id, '利益申报', '生成的回避', date '2020-01-01', 'generated', now()
                from (select id, row_number() over (order by id) rn from spotcheck.inspector) i
                join (select id, row_number() over (order by id) rn from spotcheck.target where id % 97 = 0 limit ?) t
                  on t.rn % ? = i.rn % ?""", recusals, count, count);
    }

    /** A task of a 2027 plan approved by both reviews: one general item over every category, at {@code ratio}. */
    public static long publishedTask(ConfigurableApplicationContext app, String ratio) {
        return publishedTasks(app, ratio, 1).get(0);
    }

    /** {@code count} such tasks, alike, in one plan: one draw each, for a benchmark that draws more than once. */
    public static List<Long> publishedTasks(ConfigurableApplicationContext app, String ratio, int count) {
        app.getBean(ItemList.class).create(new ItemInput(ITEM, "生成的检查事项", "GENERAL", List.of(CATEGORIES), "测试依据",
                "运输管理科", List.of("道路货运"), null, true));
        AnnualPlans plans = app.getBean(AnnualPlans.class);
        long planId = plans.create(new PlanInput(2027, "运输管理科", "生成的抽查计划")).id();
        List<Long> taskIds = new java.util.ArrayList<>();
        for (int i = 1; i <= count; i++) {
            taskIds.add(plans.addTask(planId, new TaskInput(count == 1 ? "生成的抽查任务" : "生成的抽查任务 " + i, List.of(ITEM),
                    new TaskInput.Filter(List.of(CATEGORIES), List.of(), List.of()), new BigDecimal(ratio), 2,
                    "2027-04-01", "2027-10-31", null, null, null)).id());
        }
        plans.submit(planId);
        for (String key : List.of("legalReview", "justiceReview")) {
            complete(app, String.valueOf(planId), key, Map.of("approved", true, "comment", "同意"));
        }
        return taskIds;
    }

    /** Puts a drawn task's process at 确认并公布 and confirms it: the fan-out job is then due. */
    public static void confirmDraw(ConfigurableApplicationContext app, long taskId) {
        app.getBean(RuntimeService.class).createProcessInstanceByKey("spot-check-task").businessKey(String.valueOf(taskId))
                .startAfterActivity("drawInspectors").setVariable("taskId", taskId).execute();
        complete(app, String.valueOf(taskId), "confirmDraw", Map.of("approved", true));
    }

    private static void complete(ConfigurableApplicationContext app, String businessKey, String taskKey, Map<String, Object> variables) {
        TaskService taskService = app.getBean(TaskService.class);
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).singleResult();
        taskService.complete(task.getId(), variables);
    }
}
