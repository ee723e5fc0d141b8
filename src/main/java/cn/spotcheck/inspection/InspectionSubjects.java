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
 * and the code. Read from what the process or the inspection's record already holds rather than kept in a variable of its own; first of the
 * listeners on a new task, so that the others find it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InspectionSubjects implements EveryUserTask.Listener {

    @Override
    public String event() {
        return TaskListener.EVENTNAME_CREATE;
    }

    private final Inspections inspections;

    InspectionSubjects(Inspections inspections) {
        this.inspections = inspections;
    }

    @Override
    public void notify(DelegateTask task) {
        if (task.getVariable(TaskSubjects.SUBJECT) != null || task.getExecution().getProcessBusinessKey() == null
                || !(task.getVariable(InspectionProcess.INSPECTION_CODE) instanceof String code)) {
            return;
        }
        // The start hands the name over for its first task; later tasks (and a follow-up's) find it on record.
        String target = task.getVariable(InspectionProcess.TARGET_NAME) instanceof String name ? name
                : inspections.targetOf(code).map(Inspections.DrawnTarget::name).orElse(null);
        if (target != null) {
            task.setVariableLocal(TaskSubjects.SUBJECT, target + "（" + code + "）");
        }
    }
}
