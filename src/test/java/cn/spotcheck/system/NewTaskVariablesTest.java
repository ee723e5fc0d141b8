package cn.spotcheck.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.spotcheck.SpotCheckIntegrationTest;

/** A new task's variables come from its listeners without a read of the database; an existing task's from the database. */
@SpotCheckIntegrationTest
class NewTaskVariablesTest {

    @Autowired
    ProcessEngineConfigurationImpl engine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Test
    void aNewTasksListenersSetItsVariablesAndAnExistingTaskKeepsThem() {
        Object manager = engine.getCommandExecutorTxRequired().execute(context -> context.getVariableInstanceManager());
        assertThat(manager.getClass().getEnclosingClass()).isEqualTo(NewTaskVariables.class);

        engine.getRepositoryService().createDeployment().addModelInstance("new-task-variables.bpmn",
                Bpmn.createExecutableProcess("new-task-variables").camundaHistoryTimeToLive(1).startEvent()
                        .userTask("first").camundaTaskListenerExpression("create", "${task.setVariableLocal('note', task.getVariableLocal('note') == null ? '新建' : '重复')}")
                        .userTask("second").camundaTaskListenerExpression("create", "${task.setVariableLocal('seen', task.getVariable('carried'))}")
                        .endEvent().done()).deploy();
        String instance = runtimeService.startProcessInstanceByKey("new-task-variables").getId();
        Task first = taskService.createTaskQuery().processInstanceId(instance).singleResult();
        assertThat(taskService.getVariablesLocal(first.getId())).containsEntry("note", "新建");

        taskService.setVariableLocal(first.getId(), "more", 1);
        assertThat(taskService.getVariablesLocal(first.getId())).containsEntry("note", "新建").containsEntry("more", 1);

        taskService.complete(first.getId(), java.util.Map.of("carried", "从第一步带来"));
        Task second = taskService.createTaskQuery().processInstanceId(instance).singleResult();
        assertThat(taskService.getVariablesLocal(second.getId())).containsOnlyKeys("seen").containsEntry("seen", "从第一步带来");
    }
}
