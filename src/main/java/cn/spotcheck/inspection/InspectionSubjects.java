package cn.spotcheck.inspection;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.spotcheck.system.EveryUserTask;
import cn.spotcheck.system.TaskSubjects;

/**
 * What an inspection's task is about, for its name and the Tasklist filters (see {@link TaskSubjects}): the target
 * and the code. Read from what the process already holds rather than kept in a variable of its own; first of the
 * listeners on a new task, so that the others find it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InspectionSubjects implements EveryUserTask.Listener {

    @Override
    public String event() {
        return TaskListener.EVENTNAME_CREATE;
    }

    @Override
    public void notify(DelegateTask task) {
        if (task.getVariable(TaskSubjects.SUBJECT) == null && task.getVariable(InspectionProcess.TARGET_NAME) instanceof String target
                && task.getExecution().getProcessBusinessKey() != null && task.getVariable(InspectionProcess.INSPECTION_CODE) != null) {
            task.setVariableLocal(TaskSubjects.SUBJECT, target + "（" + task.getVariable(InspectionProcess.INSPECTION_CODE) + "）");
        }
    }
}
