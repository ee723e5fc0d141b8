package cn.spotcheck.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;
import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.inspection.InspectionView;
import cn.spotcheck.inspection.Inspections;

/**
 * The overdue results on the supervision group's list are exactly the publication steps Tasklist shows past their due
 * date, with the same due dates, item by item, also after an administrator moves due dates in Tasklist.
 */
@SpotCheckIntegrationTest
class OverdueAgreesWithTasklistTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    Inspections inspections;

    @Test
    void theOverdueResultsAreTasklistsOverduePublicationSteps() {
        long taskId = Fixtures.publishedTask(http, taskService, "公路管理科", "JT-HY-01", List.of("公路货运"), 0.05, "2025-04-01", "2025-10-31");
        runtimeService.startProcessInstanceByKey("spot-check-task", String.valueOf(taskId), Map.of("taskId", taskId));
        Fixtures.confirmAndDispatch(taskService, runtimeService, managementService, taskId);
        List<InspectionView> all = inspections.ofTask(taskId);
        ClockUtil.setCurrentTime(at("2025-10-20T10:00"));
        try {
            resultEntered(all.get(0).code(), "2025-10-17");
            resultEntered(all.get(1).code(), "2025-10-20");
            resultEntered(all.get(2).code(), "2025-10-20");
            complete(all.get(2).code(), "publishResult", Map.of("publicationConfirmed", true));
            resultEntered(all.get(3).code(), "2025-10-20");
        } finally {
            ClockUtil.reset();
        }
        assertThat(agreement(taskId)).as("three overdue, one published in time").hasSize(3);

        // An administrator gives one result more time in Tasklist, and brings another's deadline forward.
        move(all.get(0).code(), BureauTime.today().plusDays(10));
        move(all.get(3).code(), BureauTime.today().minusDays(2));
        Map<String, LocalDate> after = agreement(taskId);
        assertThat(after).containsOnlyKeys(all.get(1).code(), all.get(3).code());
        assertThat(after.get(all.get(3).code())).isEqualTo(BureauTime.today().minusDays(2));
    }

    /** Compares the two item by item and returns the overdue results with their due dates. */
    private Map<String, LocalDate> agreement(long taskId) {
        Set<String> codes = inspections.ofTask(taskId).stream().map(InspectionView::code).collect(Collectors.toSet());
        Date startOfToday = Date.from(BureauTime.today().atStartOfDay(BureauTime.ZONE).toInstant());
        Map<String, LocalDate> tasklist = new TreeMap<>();
        for (Task task : taskService.createTaskQuery().processDefinitionKey("inspection").taskDefinitionKey("publishResult")
                .dueBefore(startOfToday).list()) {
            String code = runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
            if (codes.contains(code)) {
                tasklist.put(code, BureauTime.dayOf(task.getDueDate()));
            }
        }
        Map<String, LocalDate> list = new TreeMap<>();
        for (JsonNode item : http.withBasicAuth("ducha", "demo").getForObject("/api/supervision/overdue", JsonNode.class)) {
            if (item.get("rule").asText().equals("RESULT_NOT_PUBLISHED") && codes.contains(item.get("reference").asText())) {
                list.put(item.get("reference").asText(), LocalDate.parse(item.get("dueDate").asText()));
            }
        }
        assertThat(list).as("the overdue list against Tasklist").isEqualTo(tasklist);
        return list;
    }

    private void move(String code, LocalDate due) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("publishResult").singleResult();
        task.setDueDate(Date.from(due.atTime(18, 0).atZone(BureauTime.ZONE).toInstant()));
        taskService.saveTask(task);
    }

    private void resultEntered(String code, String endDate) {
        complete(code, "onSiteInspection", Map.of("inspectionDate", endDate, "onSiteNotes", "资质齐全"));
        complete(code, "resultEntry", Map.of("resultCategory", "未发现问题", "findings", "无", "inspectionEndDate", endDate));
    }

    private void complete(String code, String key, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(key).singleResult();
        taskService.complete(task.getId(), variables);
    }

    private static Date at(String time) {
        return Date.from(ZonedDateTime.of(LocalDateTime.parse(time), BureauTime.ZONE).toInstant());
    }
}
