package cn.spotcheck.identity;

import java.util.Optional;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The task a request to the engine's REST API completes, as it stands before the request: looked up once per request
 * as the platform (the caller's rights aside), for the engine guard's rules and for the audit log's words. In a
 * profile of a province's year, asking the engine's task and process instance queries for it cost about a tenth of
 * the requests' time (the engine builds each query's SQL anew); one command reads the task, its process instance and
 * its definition by their ids instead.
 */
@Component
public class EngineTasks {

    private static final String ATTRIBUTE = EngineTasks.class.getName() + ".";

    private final ProcessEngineConfigurationImpl engine;

    EngineTasks(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    /** What the guard and the audit log need to know of a task. */
    public record OpenTask(String name, String processInstanceId, String businessKey, String processDefinitionId,
                           String processDefinitionKey, String taskDefinitionKey) {
    }

    /**
     * The task before a completion, with whether the caller (the engine's current authentication) may complete it by the
     * engine's own rule ({@link TaskWorkCheck}): one command, the task read once. Empty for a task that does not exist.
     */
    public Optional<Look> look(HttpServletRequest request, String taskId) {
        Look look = engine.getCommandExecutorTxRequired().execute(context -> {
            TaskEntity entity = context.getTaskManager().findTaskById(taskId);
            return entity == null ? null : new Look(openTask(entity), mayWork(context, entity));
        });
        request.setAttribute(ATTRIBUTE + taskId, Optional.ofNullable(look).map(Look::task));
        return Optional.ofNullable(look);
    }

    /** A task as {@link #look} found it. */
    public record Look(OpenTask task, boolean mayWork) {
    }

    private static boolean mayWork(CommandContext context, TaskEntity task) {
        try {
            for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
                checker.checkTaskWork(task);
            }
            return true;
        } catch (AuthorizationException e) {
            return false;
        }
    }

    /**
     * The task a completion named, read after the request: as the engine guard found it before; for a caller the guard
     * lets through unread (an administrator), from the engine's history, the task being gone by then.
     */
    public Optional<OpenTask> afterCompletion(HttpServletRequest request, String taskId) {
        Optional<OpenTask> task = beforeCompletion(request, taskId);
        if (task.isPresent()) {
            return task;
        }
        return Optional.ofNullable(engine.getCommandExecutorTxRequired().execute(context -> {
            HistoricTaskInstanceEntity done = context.getDbEntityManager().selectById(HistoricTaskInstanceEntity.class, taskId);
            return done == null ? null : new OpenTask(done.getName(), done.getProcessInstanceId(), null,
                    done.getProcessDefinitionId(), done.getProcessDefinitionKey(), done.getTaskDefinitionKey());
        }));
    }

    public Optional<OpenTask> beforeCompletion(HttpServletRequest request, String taskId) {
        Object known = request.getAttribute(ATTRIBUTE + taskId);
        if (known instanceof Optional<?> task) {
            return task.map(OpenTask.class::cast);
        }
        Optional<OpenTask> task = Optional.ofNullable(engine.getCommandExecutorTxRequired().execute(context -> {
            TaskEntity entity = context.getTaskManager().findTaskById(taskId);
            return entity == null ? null : openTask(entity);
        }));
        request.setAttribute(ATTRIBUTE + taskId, task);
        return task;
    }

    private static OpenTask openTask(TaskEntity entity) {
        ExecutionEntity instance = entity.getProcessInstance();
        return new OpenTask(entity.getName(), entity.getProcessInstanceId(), instance == null ? null : instance.getBusinessKey(),
                entity.getProcessDefinitionId(), entity.getProcessDefinitionId() == null ? null : entity.getProcessDefinition().getKey(),
                entity.getTaskDefinitionKey());
    }
}
