package cn.spotcheck.system;

import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * Reminders in Tasklist terms: the open tasks of a process instance rise to the top of their users' lists.
 * Diagrams call it from reminder timers as {@code ${reminders.raise(execution.processInstanceId)}}.
 */
@Component("reminders")
public class Reminders {

    public static final int REMINDED_PRIORITY = 90;

    private final TaskService taskService;

    Reminders(TaskService taskService) {
        this.taskService = taskService;
    }

    public void raise(String processInstanceId) {
        taskService.createTaskQuery().processInstanceId(processInstanceId).list()
                .forEach(task -> taskService.setPriority(task.getId(), REMINDED_PRIORITY));
    }
}
