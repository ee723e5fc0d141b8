package cn.spotcheck.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;
import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.catalog.CreditRecords;
import cn.spotcheck.draw.DrawVerification;
import cn.spotcheck.plan.AnnualPlans;
import cn.spotcheck.plan.TaskView;

/**
 * 信用风险预警 by both rules, and a legal user turning one into a 定向抽查 of this year's plan with one action: the
 * task names the warned target, its draw takes exactly it under the rule 定向 and stays verifiable, and the public
 * plan page says the task is outside the random draw, and why, without naming the target.
 */
@SpotCheckIntegrationTest
class RiskWarningsTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    CreditRecords credit;
    @Autowired
    RiskWarnings warnings;
    @Autowired
    AnnualPlans plans;
    @Autowired
    DrawVerification verification;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTargetWithRepeatedFindingsBecomesATargetedTaskInOneAction() {
        long targetId = Fixtures.someTarget(http, "公路货运");
        String targetName = http.withBasicAuth("fagui", "demo").getForObject("/api/targets/" + targetId, JsonNode.class).get("name").asText();
        credit.record(targetId, "JC-YJ-1", "发现问题已责令改正");
        credit.record(targetId, "JC-YJ-2", "发现问题待后续处理");
        int year = BureauTime.today().getYear();
        long planId = plans.task(Fixtures.publishedTask(http, taskService, "公路管理科", "JT-HY-01", List.of("公路货运"), 0.05,
                year + "-03-01", year + "-11-30")).planId();
        String reference = "target:" + targetId;
        assertThat(warnings.find(reference)).as("two findings within twelve months").isPresent();

        String page = http.withBasicAuth("fagui", "demo").getForObject("/warnings", String.class);
        assertThat(page).contains("检查对象多次发现问题", targetName, "转为定向抽查");
        assertThat(http.withBasicAuth("ducha", "demo").getForObject("/warnings", String.class)).contains(targetName, "由法制工作人员处置")
                .doesNotContain("转为定向抽查</button>");
        assertThat(http.withBasicAuth("zf001", "demo").getForEntity("/warnings", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(answer("fagui", reference, "abc").getStatusCode()).as("a plan that is not one").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer("fagui", reference, "abc").getBody()).contains("请选择本年度已发布的计划");
        assertThat(answer("ducha", reference, String.valueOf(planId)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> answered = answer("fagui", reference, String.valueOf(planId));
        assertThat(answered.getStatusCode()).as("on to the new task's page").isEqualTo(HttpStatus.OK);
        assertThat(answered.getBody()).contains("已创建定向抽查任务", "定向抽查：多次发现问题的检查对象");
        long taskId = jdbc.queryForObject("select task_id from spotcheck.risk_warning_action where reference = ?", Long.class, reference);
        assertThat(answer("fagui", reference, String.valueOf(planId)).getStatusCode()).as("once per warning").isEqualTo(HttpStatus.CONFLICT);

        TaskView task = plans.task(taskId);
        assertThat(task.targeted()).isTrue();
        assertThat(task.targetIds()).containsExactly(targetId);
        assertThat(task.planId()).isEqualTo(planId);
        assertThat(task.published()).isTrue();
        assertThat(task.targetedReason()).startsWith("信用风险预警（检查对象多次发现问题）").doesNotContain(targetName);
        assertThat(task.itemCodes()).isNotEmpty();

        Fixtures.runAsyncJobs(managementService, Fixtures.taskProcess(runtimeService, taskId));
        JsonNode draw = http.withBasicAuth("fagui", "demo").getForObject("/api/tasks/" + taskId + "/draw", JsonNode.class);
        assertThat(draw.get("strata")).singleElement().satisfies(s -> {
            assertThat(s.get("stratum").asText()).isEqualTo("定向");
            assertThat(s.get("drawn").asInt()).isEqualTo(1);
            assertThat(s.get("rule").asText()).contains("非随机");
        });
        assertThat(draw.get("note").asText()).contains("不属于随机抽取", "执法检查人员仍随机抽取");
        assertThat(draw.get("targets")).singleElement().satisfies(t -> {
            assertThat(t.get("targetId").asLong()).isEqualTo(targetId);
            assertThat(t.get("inspectorStaffNos")).hasSize(2);
            assertThat(t.get("rule").asText()).startsWith("定向抽查");
        });
        assertThat(verification.verify(draw.get("id").asLong()).valid()).as("verifiable like any draw").isTrue();
        assertThat(http.withBasicAuth("fagui", "demo").getForObject("/warnings", String.class)).contains("已转为定向抽查任务 " + taskId);

        String publicPlan = http.getForObject("/public/plans/" + planId, String.class);
        assertThat(publicPlan).contains("定向抽查任务（不属于随机抽取）", "定向抽查：多次发现问题的检查对象", "信用风险预警").doesNotContain(targetName);
    }

    @Test
    void aCategoryWhoseDiscoveryRateRoseThisQuarterIsWarnedOf() {
        LocalDate today = BureauTime.today();
        LocalDate quarter = SupervisionReports.quarterStart(today);
        long[] targets = {Fixtures.someTarget(http, "公路货运"), Fixtures.someTarget(http, "机动车维修")};
        // 预警甲: 1 in 10 last quarter, 5 in 10 this quarter. 预警乙: 2 in 10 both times.
        results("预警甲", quarter.minusMonths(3), 10, 1, targets[0]);
        results("预警甲", quarter, 10, 5, targets[1]);
        results("预警乙", quarter.minusMonths(3), 10, 2, targets[0]);
        results("预警乙", quarter, 10, 2, targets[0]);

        assertThat(warnings.find("category:预警乙")).isEmpty();
        assertThat(warnings.find("category:预警甲")).hasValueSatisfying(w -> {
            assertThat(w.detail()).contains("本季度问题发现率 50.0%（10 户中 5 户）", "上季度 10.0%（10 户中 1 户）", "上升 40.0 个百分点");
            assertThat(w.targetIds()).as("the targets with findings this quarter").containsExactly(targets[1]);
        });
        assertThat(http.withBasicAuth("ducha", "demo").getForObject("/supervision", String.class)).contains("行业问题发现率上升：预警甲（行业）");
    }

    /** {@code count} published results in {@code category} ended on {@code day}, the first {@code findings} of them findings. */
    private void results(String category, LocalDate day, int count, int findings, long findingTarget) {
        for (int i = 0; i < count; i++) {
            jdbc.update("""
                    insert into spotcheck.public_result (inspection_code, target_id, target_name, target_category, item_codes, result_category,
                        inspection_end_date, published_at) values (?, ?, '预警测试对象', ?, array['JT-HY-01'], ?, ?, now())""",
                    "JC-9" + Math.abs(category.hashCode() % 1000) + day.toEpochDay() + i, i < findings ? findingTarget : 0L, category,
                    i < findings ? "发现问题已责令改正" : "未发现问题", Date.valueOf(day));
        }
    }

    private ResponseEntity<String> answer(String user, String reference, String planId) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>(Map.of("reference", List.of(reference), "planId", List.of(planId)));
        return Fixtures.postPageForm(http, user, "/warnings", "/warnings/targeted", form);
    }
}
