package cn.spotcheck.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;
import cn.spotcheck.calendar.BureauTime;

/**
 * 督查通报: from an overdue row the supervision group notifies the department responsible; the notice waits in that
 * department's 本部门待办 with its deadline, the answer is required and kept, and the row shows it was notified.
 */
@SpotCheckIntegrationTest
class SupervisionNoticeTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    SupervisionNotices notices;
    @Autowired
    OverdueMonitor monitor;
    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;

    @Test
    void aNoticeAboutAnOverdueResultIsAnsweredByItsDepartment() {
        long taskId = Fixtures.publishedTask(http, taskService, "公路管理科", "JT-HY-01", List.of("公路货运"), 0.05, "2022-04-01", "2022-10-31");
        long targetId = Fixtures.someTarget(http, "公路货运");
        String code = "JC-TB-" + System.nanoTime();
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(java.time.LocalDateTime.parse("2022-06-10T10:00"), BureauTime.ZONE).toInstant()));
        try {
            Fixtures.startInspection(runtimeService, code, taskId, targetId, "JT-HY-01", "zf001", "zf002");
            complete(code, "onSiteInspection", Map.of("inspectionDate", "2022-06-08", "onSiteNotes", "资质齐全"));
            complete(code, "resultEntry", Map.of("resultCategory", "未发现问题", "findings", "无", "inspectionEndDate", "2022-06-09"));
        } finally {
            ClockUtil.reset();
        }
        assertThat(http.withBasicAuth("ducha", "demo").getForObject("/supervision", String.class)).contains(code, "发通报");

        ResponseEntity<String> empty = post(code, "  ", "5");
        assertThat(empty.getBody()).as("back on the page with the reason").contains("请填写通报内容");
        assertThat(http.withBasicAuth("ducha", "demo").getForObject("/api/supervision/overdue", String.class)).contains(code);
        assertThat(notices.recent(100)).noneMatch(n -> n.reference().equals(code));

        assertThat(post(code, "结果逾期未公示，请说明原因并于期限内公示。", "5").getBody()).contains("已向公路管理科发出督查通报");
        SupervisionNotices.Notice notice = notices.recent(100).stream().filter(n -> n.reference().equals(code)).findFirst().orElseThrow();
        assertThat(notice.department()).isEqualTo("公路管理科");
        assertThat(notice.status()).isEqualTo("OPEN");
        Task answer = taskService.createTaskQuery().processInstanceBusinessKey("notice:" + notice.id()).singleResult();
        assertThat(answer.getDueDate()).isNotNull();
        assertThat(taskService.getIdentityLinksForTask(answer.getId())).anyMatch(l -> "deptHighway".equals(l.getGroupId()));
        assertThat(http.withBasicAuth("ducha", "demo").getForObject("/supervision", String.class)).as("the row says it was notified")
                .contains("已通报", "待答复");

        // Not answered by its deadline: the notice itself is overdue.
        ClockUtil.setCurrentTime(Date.from(notice.dueDate().plusDays(1).atTime(9, 0).atZone(BureauTime.ZONE).toInstant()));
        try {
            assertThat(monitor.today()).anySatisfy(item -> {
                assertThat(item.rule()).isEqualTo("NOTICE_UNANSWERED");
                assertThat(item.reference()).isEqualTo("notice:" + notice.id());
                assertThat(item.recordPath()).isEqualTo("/supervision#notices");
            });
        } finally {
            ClockUtil.reset();
        }

        String member = departmentMember("deptHighway");
        assertThat(completeByRest(member, answer.getId(), Map.of("answer", " ")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(completeByRest(member, answer.getId(), Map.of("answer", "审核人员休假，已于今日公示。")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        SupervisionNotices.Notice answered = notices.get(notice.id());
        assertThat(answered.status()).isEqualTo("ANSWERED");
        assertThat(answered.answer()).isEqualTo("审核人员休假，已于今日公示。");
        assertThat(answered.answeredBy()).isEqualTo(member);
        assertThat(http.withBasicAuth("ducha", "demo").getForObject("/supervision", String.class)).contains("已答复", "审核人员休假");
        assertThat(monitor.today()).noneMatch(item -> item.reference().equals("notice:" + notice.id()));
    }

    private ResponseEntity<String> post(String code, String content, String days) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("rule", "RESULT_NOT_PUBLISHED");
        form.add("reference", code);
        form.add("content", content);
        form.add("workingDays", days);
        return Fixtures.postPageForm(http, "ducha", "/supervision", "/supervision/notices", form);
    }

    private String departmentMember(String group) {
        return identityService.createUserQuery().memberOfGroup(group).list().get(0).getId();
    }

    private ResponseEntity<JsonNode> completeByRest(String user, String taskId, Map<String, Object> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        return http.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables), JsonNode.class);
    }

    private void complete(String code, String key, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(key).singleResult();
        taskService.complete(task.getId(), variables);
    }
}
