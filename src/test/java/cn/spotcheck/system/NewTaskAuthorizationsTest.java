package cn.spotcheck.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.spotcheck.SpotCheckIntegrationTest;

/**
 * The grants on new tasks are the engine's own, made faster: each candidate and assignee may work the task, a user who
 * is both holds one grant, and so it stays when many tasks are created in one command; a later candidate on an
 * existing task is granted as before.
 */
@SpotCheckIntegrationTest
class NewTaskAuthorizationsTest {

    @Autowired
    ProcessEngineConfigurationImpl engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    AuthorizationService authorizationService;

    @Test
    void everyCandidateAndAssigneeOfANewTaskHoldsOneGrantOnIt() {
        engine.getRepositoryService().createDeployment().addModelInstance("new-task-grants.bpmn",
                Bpmn.createExecutableProcess("new-task-grants").camundaHistoryTimeToLive(1).startEvent()
                        .userTask("work").camundaCandidateUsers("zf001,zf002").camundaAssignee("zf001").endEvent().done()).deploy();
        Object command = engine.getCommandExecutorTxRequired().execute(context -> context);
        assertThat(command).isInstanceOf(IndexedCommandContexts.Indexed.class);
        String key = "grants-" + System.nanoTime();
        // Forty at once, in one command, as the fan-out does.
        engine.getCommandExecutorTxRequired().execute(context -> {
            for (int i = 0; i < 40; i++) {
                runtimeService.startProcessInstanceByKey("new-task-grants", key + "-" + i);
            }
            return null;
        });

        List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKeyLike(key + "-%").list();
        assertThat(tasks).hasSize(40);
        for (Task task : tasks) {
            for (String user : List.of("zf001", "zf002")) {
                List<Authorization> grants = authorizationService.createAuthorizationQuery().userIdIn(user)
                        .resourceType(Resources.TASK).resourceId(task.getId()).list();
                assertThat(grants).as("%s on %s", user, task.getId()).hasSize(1);
                assertThat(grants.get(0).isPermissionGranted(TaskPermissions.READ)).isTrue();
                assertThat(grants.get(0).isPermissionGranted(TaskPermissions.UPDATE)).isTrue();
            }
        }

        // An existing task: the new candidate is granted; one who already holds a grant keeps one.
        Task first = tasks.get(0);
        taskService.addCandidateUser(first.getId(), "zf003");
        taskService.addCandidateUser(first.getId(), "zf002");
        for (String user : List.of("zf002", "zf003")) {
            assertThat(authorizationService.createAuthorizationQuery().userIdIn(user).resourceType(Resources.TASK)
                    .resourceId(first.getId()).count()).as(user).isEqualTo(1);
        }
    }
}
