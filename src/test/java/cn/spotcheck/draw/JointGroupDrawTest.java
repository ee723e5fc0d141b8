package cn.spotcheck.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;
import cn.spotcheck.documents.Documents;

/**
 * 联合抽查 across tasks: joint tasks of different departments' plans in one joint group share targets; they are drawn
 * once for the union, each target visited once for the items of every task whose scope holds it.
 */
@SpotCheckIntegrationTest
class JointGroupDrawTest {

    static final String FREIGHT = "公路货运";
    static final List<String> DEPARTMENTS = List.of("运输管理科", "综合执法支队", "公路管理科");

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DrawCoverage coverage;
    @Autowired
    ManagementService managementService;
    @Autowired
    Documents documents;

    private TestRestTemplate fagui() {
        return http.withBasicAuth("fagui", "demo");
    }

    @Test
    void twoJointTasksOfTwoDepartmentsSharingTargetsAreDrawnOnceForTheUnion() {
        String group = "2027年度交通运输联合抽查 " + UUID.randomUUID();
        // 运输管理科 checks licences in 南关区 and 宽城区; 公路管理科 checks vehicles in 宽城区 and 朝阳区: 宽城区 is shared.
        long first = publishedPlanTask("运输管理科", jointTask("货运资质联合抽查", "JT-HY-01", List.of("南关区", "宽城区"), 0.05,
                List.of("运输管理科", "综合执法支队"), group));
        long second = publishedPlanTask("公路管理科", jointTask("货运车辆技术联合抽查", "JT-HY-02", List.of("宽城区", "朝阳区"), 0.1,
                List.of("公路管理科", "综合执法支队"), group));

        ResponseEntity<JsonNode> started = fagui().postForEntity("/api/tasks/" + first + "/start", null, JsonNode.class);
        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.CREATED);
        JsonNode draw = started.getBody();
        long drawId = draw.get("id").asLong();

        JsonNode again = fagui().postForEntity("/api/tasks/" + second + "/start", null, JsonNode.class).getBody();
        assertThat(again.get("id").asLong()).as("the second member is drawn by the same record").isEqualTo(drawId);
        assertThat(fagui().getForObject("/api/tasks/" + second + "/draw", JsonNode.class).get("seed").asText())
                .isEqualTo(draw.get("seed").asText());
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("spot-check-task")
                .processInstanceBusinessKey(String.valueOf(second)).count()).as("no second process for the same draw").isZero();

        assertThat(draw.get("jointGroup").asText()).isEqualTo(group);
        assertThat(draw.get("tasks").findValuesAsText("name")).containsExactly("货运资质联合抽查", "货运车辆技术联合抽查");
        assertThat(draw.get("note").asText()).contains("联合抽查", "“货运资质联合抽查”", "“货运车辆技术联合抽查”", "进一次门、查多项事");

        // Each target once, only from the union, with the items of every task whose scope holds it.
        JsonNode targets = draw.get("targets");
        Set<Long> ids = new HashSet<>();
        targets.forEach(t -> assertThat(ids.add(t.get("targetId").asLong())).as("drawn once: " + t).isTrue());
        int drawnPerStrata = 0;
        for (JsonNode s : draw.get("strata")) {
            drawnPerStrata += s.get("drawn").asInt();
        }
        assertThat(ids).hasSize(drawnPerStrata);
        Map<Long, String> regions = new HashMap<>();
        jdbc.query("select id, region, category from spotcheck.target where id = any(?)", rs -> {
            assertThat(rs.getString(3)).isEqualTo(FREIGHT);
            regions.put(rs.getLong(1), rs.getString(2));
        }, (Object) ids.toArray(Long[]::new));
        Map<String, Integer> perRegion = new HashMap<>();
        Map<Long, List<String>> hook = coverage.itemCodesByTarget(drawId);
        for (JsonNode t : targets) {
            long id = t.get("targetId").asLong();
            String region = regions.get(id);
            List<String> expected = switch (region) {
                case "南关区" -> List.of("JT-HY-01");
                case "宽城区" -> List.of("JT-HY-01", "JT-HY-02");
                case "朝阳区" -> List.of("JT-HY-02");
                default -> throw new AssertionError("检查对象 " + id + " 的区域 " + region + " 不在任何任务的抽查范围内");
            };
            assertThat(strings(t.get("itemCodes"))).as("items of target " + id + " in " + region).isEqualTo(expected);
            assertThat(hook.get(id)).as("the dispatcher's lookup agrees with the record").isEqualTo(expected);
            perRegion.merge(region, 1, Integer::sum);
        }
        assertThat(perRegion.keySet()).as("targets of one scope only and of both scopes are drawn")
                .containsExactlyInAnyOrder("南关区", "宽城区", "朝阳区");
        assertThat(hook).hasSize(ids.size());
        assertThat(coverage.fansOut(first)).isTrue();
        assertThat(coverage.fansOut(second)).isFalse();

        // A shared target's stratum takes the larger ratio of the two tasks for its credit level.
        Map<String, BigDecimal> ratios = new HashMap<>();
        draw.get("strata").forEach(s -> ratios.put(s.get("stratum").asText(), s.get("ratio").decimalValue()));
        String both = "（任务 " + first + "、" + second + "）";
        assertThat(ratios.keySet()).anyMatch(s -> s.endsWith(both));
        ratios.forEach((stratum, ratio) -> {
            if (stratum.endsWith(both)) {
                String level = stratum.substring(0, stratum.length() - both.length());
                BigDecimal onlySecond = ratios.get(level + "（任务 " + second + "）");
                if (onlySecond != null) {
                    assertThat(ratio).as(stratum).isEqualByComparingTo(onlySecond);
                }
                BigDecimal onlyFirst = ratios.get(level + "（任务 " + first + "）");
                if (onlyFirst != null) {
                    assertThat(ratio).as(stratum).isGreaterThan(onlyFirst);
                }
            }
        });
        assertThat(ratios.get("B" + both)).isEqualByComparingTo("0.1");

        // One inspector of each department of both tasks at every target.
        Map<String, String> departmentOf = new HashMap<>();
        fagui().getForObject("/api/inspectors?size=500", JsonNode.class).get("content")
                .forEach(i -> departmentOf.put(i.get("staffNo").asText(), i.get("department").asText()));
        for (JsonNode t : targets) {
            Set<String> departments = new HashSet<>();
            t.get("inspectorStaffNos").forEach(n -> departments.add(departmentOf.get(n.asText())));
            assertThat(departments).as("target " + t.get("targetId")).containsAll(DEPARTMENTS);
        }

        JsonNode verified = fagui().getForObject("/api/draws/" + drawId + "/verify", JsonNode.class);
        assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();

        // Published, the public draw page names both tasks.
        Task confirm = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(first)).taskDefinitionKey("confirmDraw").singleResult();
        ResponseEntity<String> confirmed = fagui().postForEntity("/engine-rest/task/" + confirm.getId() + "/complete",
                Map.of("variables", Map.of("approved", Map.of("value", true))), String.class);
        assertThat(confirmed.getStatusCode().value()).as(confirmed.getBody()).isEqualTo(204);
        String page = http.getForObject("/public/draws/" + drawId, String.class);
        assertThat(page).contains("货运资质联合抽查", "货运车辆技术联合抽查", "复核通过", group);

        // 进一次门、查多项事: one inspection per drawn target, for the items of both tasks where both apply.
        Fixtures.runAsyncJobs(managementService, Fixtures.taskProcess(runtimeService, first));
        JsonNode inspections = fagui().getForObject("/api/inspections?taskId=" + first, JsonNode.class);
        assertThat(inspections).hasSize(ids.size());
        Set<Long> visited = new HashSet<>();
        for (JsonNode inspection : inspections) {
            long target = inspection.get("targetId").asLong();
            assertThat(visited.add(target)).as("target " + target + " visited once").isTrue();
            assertThat(strings(inspection.get("itemCodes"))).as("inspection " + inspection.get("code")).isEqualTo(hook.get(target));
        }
        String notice = documents.about(inspections.get(0).get("code").asText()).get(0).html();
        hook.get(inspections.get(0).get("targetId").asLong()).forEach(code -> assertThat(notice).contains(code));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(second)).count())
                .as("the second task starts no fan-out of its own").isZero();

        // A task that joins the group after the draw is refused, not given targets drawn without its scope.
        long late = publishedPlanTask("安全监督科", jointTask("迟到的联合抽查任务", "JT-HY-03", List.of("朝阳区"), 0.05,
                List.of("安全监督科", "综合执法支队"), group));
        ResponseEntity<JsonNode> refused = fagui().postForEntity("/api/tasks/" + late + "/start", null, JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("message").asText()).contains("无法抽取", group, "迟到的联合抽查任务", "抽取记录 " + drawId);
        assertThat(coverage.coveredTasks(drawId)).containsExactly(first, second);
    }

    @Test
    void onlyJointTasksOfOnePlanYearMayShareAJointGroup() {
        String group = "联合抽查组 " + UUID.randomUUID();
        long plan2027 = plan(2027, "运输管理科");
        Map<String, Object> notJoint = jointTask("非联合任务", "JT-HY-01", List.of(), 0.05, List.of(), group);
        notJoint.put("joint", false);
        ResponseEntity<JsonNode> refused = fagui().postForEntity("/api/plans/" + plan2027 + "/tasks", notJoint, JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors").findValuesAsText("field")).contains("jointGroup");
        assertThat(refused.getBody().toString()).contains("只有联合抽查任务", group);

        long plan2028 = plan(2028, "公路管理科");
        Map<String, Object> in2028 = jointTask("2028 联合任务", "JT-HY-02", List.of(), 0.05, List.of("公路管理科", "综合执法支队"), group);
        in2028.put("start", "2028-04-01");
        in2028.put("end", "2028-10-31");
        ResponseEntity<JsonNode> created = fagui().postForEntity("/api/plans/" + plan2028 + "/tasks", in2028, JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("jointGroup").asText()).isEqualTo(group);

        ResponseEntity<JsonNode> otherYear = fagui().postForEntity("/api/plans/" + plan2027 + "/tasks",
                jointTask("2027 联合任务", "JT-HY-01", List.of(), 0.05, List.of("运输管理科", "综合执法支队"), group), JsonNode.class);
        assertThat(otherYear.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode error = otherYear.getBody().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("jointGroup");
        assertThat(error.get("message").asText()).contains("2028", "同一计划年度");
        assertThat(fagui().getForObject("/api/plans/" + plan2027, JsonNode.class).get("tasks")).isEmpty();
        assertThat(fagui().getForObject("/api/plans/" + plan2028, JsonNode.class).get("tasks").get(0).get("jointGroup").asText())
                .isEqualTo(group);
    }

    private static Map<String, Object> jointTask(String name, String itemCode, List<String> regions, double ratio,
                                                 List<String> departments, String group) {
        Map<String, Object> task = new HashMap<>();
        task.put("name", name);
        task.put("itemCodes", List.of(itemCode));
        task.put("targetFilter", Map.of("categories", List.of(FREIGHT), "regions", regions));
        task.put("ratio", ratio);
        task.put("inspectorsPerTarget", 2);
        task.put("start", "2027-04-01");
        task.put("end", "2027-10-31");
        task.put("joint", true);
        task.put("departments", departments);
        task.put("jointGroup", group);
        return task;
    }

    private long plan(int year, String department) {
        return fagui().postForEntity("/api/plans", Map.of("year", year, "department", department, "title", department + " " + year + " 年度抽查计划"),
                JsonNode.class).getBody().get("id").asLong();
    }

    /** A 2027 plan of the department with this one task, approved by 法制 and 司法局; returns the task id. */
    private long publishedPlanTask(String department, Map<String, Object> task) {
        long planId = plan(2027, department);
        ResponseEntity<JsonNode> created = fagui().postForEntity("/api/plans/" + planId + "/tasks", task, JsonNode.class);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("jointGroup").asText()).isEqualTo(task.get("jointGroup"));
        fagui().postForObject("/api/plans/" + planId + "/submit", null, JsonNode.class);
        for (String key : List.of("legalReview", "justiceReview")) {
            Task review = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(planId)).taskDefinitionKey(key).singleResult();
            taskService.complete(review.getId(), Map.of("approved", true, "comment", "同意"));
        }
        return created.getBody().get("id").asLong();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
