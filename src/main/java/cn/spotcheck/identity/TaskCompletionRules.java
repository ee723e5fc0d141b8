package cn.spotcheck.identity;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.spotcheck.system.EveryUserTask;

/**
 * Runs the {@link TaskCompletionRule}s on every completion the engine performs, also those the platform makes from
 * Java, where no REST request passed {@link EngineGuard}: a rule holds whatever the route.
 */
@Component
class TaskCompletionRules implements EveryUserTask.Listener {

    /** The task whose rules the engine guard checked on this thread just before passing its completion to the engine. */
    private static final ThreadLocal<String> CHECKED_BEFORE = new ThreadLocal<>();

    private final List<TaskCompletionRule> rules;

    TaskCompletionRules(List<TaskCompletionRule> rules) {
        this.rules = rules;
    }

    /**
     * The engine guard has just checked the rules of {@code taskId} with the request's values (null: no longer); its
     * completion, on this thread, does not check them twice (the same reads again: 2 % of a completion's time).
     */
    static void checkedBefore(String taskId) {
        if (taskId == null) {
            CHECKED_BEFORE.remove();
        } else {
            CHECKED_BEFORE.set(taskId);
        }
    }

    @Override
    public String event() {
        return TaskListener.EVENTNAME_COMPLETE;
    }

    @Override
    public void notify(DelegateTask task) {
        if (task.getId().equals(CHECKED_BEFORE.get())) {
            return;
        }
        String processKey = task.getProcessDefinitionId() == null ? null : task.getProcessDefinitionId().split(":")[0];
        TaskCompletionRule.CompletionAttempt attempt = null;
        for (TaskCompletionRule rule : rules) {
            if (rule.appliesTo(processKey, task.getTaskDefinitionKey())) {
                if (attempt == null) {
                    attempt = new TaskCompletionRule.CompletionAttempt(task.getId(), task.getProcessInstanceId(),
                            task.getExecution().getProcessBusinessKey(), processKey, task.getTaskDefinitionKey(),
                            ActingUser.of(task), task.getVariables());
                }
                rule.check(attempt);
            }
        }
    }
}
