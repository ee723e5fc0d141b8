package cn.spotcheck.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.SpotCheckIntegrationTest;

/**
 * What each person finds under 我的待办 in Tasklist, asked through the engine's REST API as Tasklist asks it: the tasks
 * offered to them by name or through their group that no one has taken, and the tasks they hold — also one handed
 * to them by someone else or assigned by the diagram — but not a task a colleague has taken.
 */
@SpotCheckIntegrationTest
class TasklistFiltersTest {

    private static final String PROBE = "filterProbe";

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    FilterService filterService;
    @Autowired
    TasklistFilters filters;

    @BeforeAll
    static void deployProbe(@Autowired RepositoryService repositoryService) {
        repositoryService.createDeployment().addModelInstance(PROBE + ".bpmn", Bpmn.createExecutableProcess(PROBE)
                .camundaHistoryTimeToLive(1).startEvent().parallelGateway("fork")
                .userTask("byName").name("点名办理").camundaCandidateUsers("zf031,zf032").endEvent()
                .moveToNode("fork").userTask("byGroup").name("科室办理").camundaCandidateGroups("legal").endEvent()
                .moveToNode("fork").userTask("assigned").name("指定办理").camundaAssignee("zf033").endEvent()
                .done()).deploy();
    }

    @Test
    void myTasksAreThoseOfferedToMeThatNoOneElseTookAndThoseIHold() {
        String instance = runtimeService.startProcessInstanceByKey(PROBE).getId();
        Task byName = task(instance, "byName");
        Task byGroup = task(instance, "byGroup");
        Task assigned = task(instance, "assigned");

        assertThat(myTasks(instance, "zf031")).containsExactly(byName.getId());
        assertThat(myTasks(instance, "zf032")).containsExactly(byName.getId());
        assertThat(myTasks(instance, "fagui")).containsExactly(byGroup.getId());
        assertThat(myTasks(instance, "zf033")).as("assigned by the diagram").containsExactly(assigned.getId());
        assertThat(myTasks(instance, "zf034")).isEmpty();

        taskService.claim(byName.getId(), "zf032");
        taskService.claim(byGroup.getId(), "fazhi");
        assertThat(myTasks(instance, "zf031")).as("a colleague took it").isEmpty();
        assertThat(myTasks(instance, "zf032")).containsExactly(byName.getId());
        assertThat(myTasks(instance, "fagui")).isEmpty();
        assertThat(myTasks(instance, "fazhi")).containsExactly(byGroup.getId());

        taskService.setAssignee(byName.getId(), "zf034");
        assertThat(myTasks(instance, "zf034")).as("handed over in Tasklist").containsExactly(byName.getId());
        assertThat(myTasks(instance, "zf032")).isEmpty();

        taskService.setAssignee(byName.getId(), null);
        assertThat(myTasks(instance, "zf031")).as("given back: offered again").containsExactly(byName.getId());
    }

    @Test
    void aDatabaseOfAnOlderReleaseGetsTheNewQueriesAndItsAssigneesBecomeCandidates() {
        String instance = runtimeService.startProcessInstanceByKey(PROBE).getId();
        Task assigned = task(instance, "assigned");
        taskService.deleteCandidateUser(assigned.getId(), "zf033");
        Filter mine = filterService.createFilterQuery().filterName("我的待办").singleResult();
        mine.getProperties().remove("spotcheckQueryVersion");
        filterService.saveFilter(mine.setQuery(taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")));

        filters.ensureFilters();

        Filter renewed = filterService.getFilter(mine.getId());
        assertThat(((TaskQueryImpl) renewed.getQuery()).getExpressions()).containsKey("taskCandidateUser");
        assertThat(renewed.getProperties()).containsEntry("color", "#b22222").containsKey("variables");
        assertThat(taskService.getIdentityLinksForTask(assigned.getId()))
                .anyMatch(link -> "candidate".equals(link.getType()) && "zf033".equals(link.getUserId()));
        assertThat(myTasks(instance, "zf033")).contains(assigned.getId());
    }

    @Test
    void aColumnStillLabelledAsAnOlderReleaseWroteItGetsTodaysLabelAndAnAdministratorsLabelStays() {
        Filter mine = withSubjectLabel("我的待办", "事项");
        Filter department = withSubjectLabel("本部门待办", "企业或计划");
        try {
            filters.ensureFilters();

            assertThat(subjectLabel(filterService.getFilter(mine.getId()))).isEqualTo("办理对象");
            assertThat(subjectLabel(filterService.getFilter(department.getId()))).isEqualTo("企业或计划");
        } finally {
            withSubjectLabel("本部门待办", "办理对象");
        }
    }

    /** Sets the label of the filter's subject column, as an administrator does in Tasklist. */
    private Filter withSubjectLabel(String filterName, String label) {
        Filter filter = filterService.createFilterQuery().filterName(filterName).singleResult();
        Map<String, Object> properties = new LinkedHashMap<>(filter.getProperties());
        List<Object> columns = new ArrayList<>();
        for (Object column : (List<?>) properties.get("variables")) {
            Map<Object, Object> copy = new LinkedHashMap<>((Map<?, ?>) column);
            if ("subject".equals(copy.get("name"))) {
                copy.put("label", label);
            }
            columns.add(copy);
        }
        properties.put("variables", columns);
        filterService.saveFilter(filter.setProperties(properties));
        return filter;
    }

    private static Object subjectLabel(Filter filter) {
        return ((List<?>) filter.getProperties().get("variables")).stream().map(c -> (Map<?, ?>) c)
                .filter(c -> "subject".equals(c.get("name"))).findFirst().orElseThrow().get("label");
    }

    private Task task(String instance, String key) {
        return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
    }

    /** The instance's tasks in the user's 我的待办, as Tasklist lists them; the count Tasklist shows agrees. */
    private List<String> myTasks(String instance, String user) {
        String filter = filterService.createFilterQuery().filterName("我的待办").singleResult().getId();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        HttpEntity<String> onlyTheProbe = new HttpEntity<>("{\"processInstanceId\":\"" + instance + "\"}", headers);
        JsonNode listed = http.withBasicAuth(user, "demo").exchange("/engine-rest/filter/" + filter + "/list?maxResults=100",
                HttpMethod.POST, onlyTheProbe, JsonNode.class).getBody();
        List<String> ids = new ArrayList<>();
        listed.forEach(task -> ids.add(task.path("id").asText()));
        JsonNode count = http.withBasicAuth(user, "demo").exchange("/engine-rest/filter/" + filter + "/count",
                HttpMethod.POST, onlyTheProbe, JsonNode.class).getBody();
        assertThat(count.path("count").asInt()).as("count of " + user).isEqualTo(ids.size());
        return ids;
    }
}
