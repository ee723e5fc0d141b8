package cn.spotcheck.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.SpotCheckIntegrationTest;
import cn.spotcheck.calendar.BureauTime;

/** Plans and tasks through the API, reviewed through the engine's REST API as Tasklist would. */
@SpotCheckIntegrationTest
class AnnualPlanTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, "demo");
    }

    long plan(int year, String title) {
        ResponseEntity<JsonNode> created = as("fagui").postForEntity("/api/plans",
                Map.of("year", year, "department", "运输管理科", "title", title), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("status").asText()).isEqualTo("DRAFT");
        return created.getBody().get("id").asLong();
    }

    static Map<String, Object> task(String item, List<String> categories, double ratio, String end) {
        Map<String, Object> task = new HashMap<>();
        task.put("name", "道路货运经营资质抽查");
        task.put("itemCodes", List.of(item));
        task.put("targetFilter", Map.of("categories", categories, "regions", List.of(), "tags", List.of()));
        task.put("ratio", ratio);
        task.put("inspectorsPerTarget", 2);
        task.put("start", "2026-04-01");
        task.put("end", end);
        task.put("form", "SECTOR_OWN");
        return task;
    }

    private JsonNode refused(long planId, Map<String, Object> task) {
        ResponseEntity<JsonNode> answer = as("fagui").postForEntity("/api/plans/" + planId + "/tasks", task, JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        return answer.getBody();
    }

    @Test
    void aTaskBreakingARuleIsRefusedNamingTheRule() {
        long planId = plan(2026, "规则测试计划");
        assertThat(refused(planId, task("JT-HY-01", List.of("公路货运"), 0.02, "2026-10-31")).get("message").asText())
                .contains("不低于 3%");
        assertThat(refused(planId, task("JT-HY-01", List.of("公路货运"), 0.25, "2026-10-31")).get("message").asText())
                .contains("不高于 20%");
        assertThat(refused(planId, task("JT-WH-01", List.of("危险货物道路运输"), 0.5, "2026-10-31")).get("message").asText())
                .contains("两客一危").contains("100%");
        // A general item whose scope reaches a 两客一危 category must still check every target there.
        assertThat(refused(planId, task("JT-KY-04", List.of("旅游客运包车"), 0.1, "2026-10-31")).get("message").asText())
                .contains("两客一危");
        assertThat(as("fagui").postForEntity("/api/plans/" + planId + "/tasks",
                task("JT-KY-04", List.of("公路客运"), 0.1, "2026-10-31"), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode late = refused(planId, task("JT-HY-01", List.of("公路货运"), 0.05, "2026-12-15"));
        assertThat(late.get("message").asText()).contains("11 月 30 日");
        assertThat(late.get("errors").get(0).get("field").asText()).isEqualTo("end");
        assertThat(refused(planId, task("NO-SUCH", List.of(), 0.05, "2026-10-31")).get("message").asText())
                .contains("清单之外无检查");
        Map<String, Object> onePerson = task("JT-HY-01", List.of("公路货运"), 0.05, "2026-10-31");
        onePerson.put("inspectorsPerTarget", 1);
        assertThat(refused(planId, onePerson).get("message").asText()).contains("至少选派 2 名");

        assertThat(as("fagui").postForEntity("/api/plans/" + planId + "/tasks",
                task("JT-HY-01", List.of("公路货运"), 0.05, "2026-11-30"), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(as("fagui").postForEntity("/api/plans/" + planId + "/tasks",
                task("JT-WH-01", List.of("危险货物道路运输"), 1.0, "2026-10-31"), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aPlanIsRejectedOnceThenApprovedByBothReviewersAndPublished() {
        long planId = plan(2026, "2026 年度道路运输随机抽查计划");
        as("fagui").postForEntity("/api/plans/" + planId + "/tasks", task("JT-HY-01", List.of("公路货运"), 0.05, "2026-10-31"), JsonNode.class);
        JsonNode submitted = as("fagui").postForObject("/api/plans/" + planId + "/submit", null, JsonNode.class);
        assertThat(submitted.get("status").asText()).isEqualTo("IN_REVIEW");
        Task legalReview = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(planId)).taskDefinitionKey("legalReview").singleResult();
        assertThat((String) taskService.getVariableLocal(legalReview.getId(), "planBrief"))
                .as("the reviewer's form shows the plan's tasks, items and ratios, and links to the plan")
                .contains("JT-HY-01", "公路货运", "5 %", "2026-10-31", "(/plans/" + planId + ")");

        complete("legal", planId, "legalReview", "fazhi", false, "抽查比例依据不足，请补充说明");
        assertThat(as("fagui").getForObject("/api/plans/" + planId, JsonNode.class).get("status").asText()).isEqualTo("RETURNED");
        Task revise = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(planId)).taskDefinitionKey("revisePlan").singleResult();
        assertThat(revise.getAssignee()).as("a rejection returns the plan to its author").isEqualTo("fagui");
        completeByRest("fagui", revise.getId(), Map.of("revised", Map.of("value", true)));

        complete("legal", planId, "legalReview", "fazhi", true, "同意");
        complete("justice", planId, "justiceReview", "sifa", false, "第 3 项任务缺少检查依据");
        Task againRevise = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(planId)).taskDefinitionKey("revisePlan").singleResult();
        completeByRest("fagui", againRevise.getId(), Map.of("revised", Map.of("value", true)));
        complete("legal", planId, "legalReview", "fazhi", true, "同意");
        complete("justice", planId, "justiceReview", "sifa", true, "经审核，同意发布");

        JsonNode published = as("fagui").getForObject("/api/plans/" + planId, JsonNode.class);
        assertThat(published.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(published.get("itemListVersion").asInt()).isPositive();
        assertThat(published.get("reviews")).extracting(r -> r.get("stage").asText() + ":" + r.get("reviewer").asText() + ":" + r.get("approved").asBoolean())
                .containsExactly("legalReview:fazhi:false", "legalReview:fazhi:true", "justiceReview:sifa:false",
                        "legalReview:fazhi:true", "justiceReview:sifa:true");
        assertThat(published.get("reviews").get(0).get("comment").asText()).isEqualTo("抽查比例依据不足，请补充说明");
        assertThat(published.get("tasks").get(0).get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(http.getForObject("/public/plans/" + planId, String.class)).as("a title naming its year is not prefixed with it again")
                .contains("<h1>2026 年度道路运输随机抽查计划</h1>").doesNotContain("2026 年度 · 2026 年度");
    }

    @Test
    void aPlanNotApprovedBy31MarchGoesToTheSupervisionGroup() {
        ClockUtil.setCurrentTime(at(LocalDateTime.of(2026, 3, 20, 10, 0)));
        long planId = plan(2026, "逾期测试计划");
        as("fagui").postForEntity("/api/plans/" + planId + "/tasks", task("JT-WX-01", List.of("机动车维修"), 0.05, "2026-10-31"), JsonNode.class);
        as("fagui").postForObject("/api/plans/" + planId + "/submit", null, JsonNode.class);

        List<Job> timers = managementService.createJobQuery().processInstanceId(processOf(planId)).timers().orderByJobDuedate().asc().list();
        assertThat(timers).extracting(Job::getDuedate)
                .containsExactly(at(LocalDateTime.of(2026, 3, 24, 9, 0)), at(LocalDateTime.of(2026, 3, 31, 23, 59, 59)));
        Task legal = taskService.createTaskQuery().processInstanceId(processOf(planId)).singleResult();
        assertThat(legal.getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 3, 31, 23, 59, 59)));

        ClockUtil.setCurrentTime(at(LocalDateTime.of(2026, 3, 24, 9, 30)));
        managementService.executeJob(timers.get(0).getId());
        assertThat(taskService.createTaskQuery().taskId(legal.getId()).singleResult().getPriority()).as("reminded").isEqualTo(90);

        ClockUtil.setCurrentTime(at(LocalDateTime.of(2026, 4, 1, 8, 0)));
        managementService.executeJob(timers.get(1).getId());
        assertThat(taskService.createTaskQuery().taskCandidateUser("ducha").processInstanceId(processOf(planId))
                .taskDefinitionKey("superviseOverduePlan").count()).isEqualTo(1);
        assertThat(taskService.createTaskQuery().processInstanceId(processOf(planId)).taskDefinitionKey("legalReview").count())
                .as("the review goes on").isEqualTo(1);
        Task supervise = taskService.createTaskQuery().processInstanceId(processOf(planId)).taskDefinitionKey("superviseOverduePlan").singleResult();
        assertThat((String) taskService.getVariableLocal(supervise.getId(), "overdueBrief"))
                .as("the 督办 form names the rule, the deadline and the days overdue").contains("计划未在 3 月 31 日前批准", "2026-03-31", "已逾期 **1 天**");
        completeByRest("ducha", supervise.getId(), Map.of("supervisionComment", Map.of("value", "已督促 4 月 10 日前完成审核")));
        assertThat(taskService.createTaskQuery().processInstanceId(processOf(planId)).taskDefinitionKey("superviseOverduePlan").count()).isZero();
    }

    @Test
    void aPublishedPlanIsAdjustedThroughTheSameReviewsAndKeepsItsEarlierVersion() {
        long planId = plan(2026, "调整测试计划");
        as("fagui").postForEntity("/api/plans/" + planId + "/tasks", task("JT-JP-01", List.of("驾驶员培训"), 0.05, "2026-10-31"), JsonNode.class);
        as("fagui").postForObject("/api/plans/" + planId + "/submit", null, JsonNode.class);
        complete("legal", planId, "legalReview", "fazhi", true, "同意");
        complete("justice", planId, "justiceReview", "sifa", true, "同意");

        JsonNode adjusting = as("fagui").postForObject("/api/plans/" + planId + "/adjust", null, JsonNode.class);
        assertThat(adjusting.get("status").asText()).isEqualTo("ADJUSTING");
        assertThat(adjusting.get("revision").asInt()).isEqualTo(1);
        as("fagui").postForEntity("/api/plans/" + planId + "/tasks", task("JT-JP-02", List.of("驾驶员培训"), 0.05, "2026-11-15"), JsonNode.class);
        as("fagui").postForObject("/api/plans/" + planId + "/submit", null, JsonNode.class);
        complete("legal", planId, "legalReview", "fazhi", true, "同意调整");
        complete("justice", planId, "justiceReview", "sifa", true, "同意调整");

        JsonNode plan = as("fagui").getForObject("/api/plans/" + planId, JsonNode.class);
        assertThat(plan.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(plan.get("tasks")).hasSize(2);
        JsonNode versions = as("fagui").getForObject("/api/plans/" + planId + "/versions", JsonNode.class);
        assertThat(versions).extracting(v -> v.get("revision").asInt() + ":" + v.get("tasks").size()).containsExactly("1:2", "0:1");
        String publicPage = http.getForObject("/public/plans/" + planId, String.class);
        assertThat(publicPage).contains("现行版本（第 2 版）").contains("历史版本：第 1 版");
        assertThat(publicPage).as("a title without its year gets it").contains("<h1>2026 年度 · 调整测试计划</h1>");
        assertThat(publicPage).as("what the adjustment changed").contains("本版对第 1 版的调整", "新增任务：");
    }

    @Test
    void onlyLegalStaffDraftPlans() {
        assertThat(as("zf001").postForEntity("/api/plans", Map.of("year", 2026, "department", "x", "title", "y"), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode bad = as("fagui").postForEntity("/api/plans", Map.of("year", 1999, "department", "", "title", "t"), JsonNode.class).getBody();
        assertThat(bad.get("errors")).extracting(e -> e.get("field").asText()).containsExactly("year", "department");
    }

    private String processOf(long planId) {
        return taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(planId)).list().get(0).getProcessInstanceId();
    }

    /** The reviewer completes the task through the engine REST API with the contract's two variables. */
    private void complete(String group, long planId, String taskKey, String user, boolean approved, String comment) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(planId))
                .taskDefinitionKey(taskKey).taskCandidateGroup(group).singleResult();
        assertThat(task).as(taskKey + " waiting for " + group).isNotNull();
        completeByRest(user, task.getId(), Map.of("approved", Map.of("value", approved), "comment", Map.of("value", comment)));
    }

    private void completeByRest(String user, String taskId, Map<String, Object> variables) {
        ResponseEntity<String> answer = as(user).postForEntity("/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", variables), String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(204);
    }

    private static Date at(LocalDateTime beijing) {
        return Date.from(beijing.atZone(BureauTime.ZONE).toInstant());
    }
}
