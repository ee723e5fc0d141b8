package cn.spotcheck.system;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasklist lists tasks by name: four rows of "现场检查" say nothing. Each diagram's adapter says what a task is about
 * in the variable {@value #SUBJECT} (a plan's title in the process; for an inspection's tasks, "长春远航运输有限公司
 * （JC-1-00012）" set on the task as it is created); a new task's name then reads "现场检查 · 长春远航运输有限公司
 * （JC-1-00012）".
 * <p>
 * The filters' columns show variables, and an inspector may read the variables of their own task but not of the
 * process (which would show them every variable of the inspection through the REST API). So the columns' variables
 * are copied onto the task itself — never one that the task's form submits, which would then stay on the task and
 * not reach the process.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class TaskSubjects implements EveryUserTask.Listener {

    public static final String SUBJECT = "subject";

    /** What the Tasklist filters show beside each task (besides the 暂定 note, which is the task's own already). */
    static final List<String> LISTED = List.of(SUBJECT, "planTitle");

    private final TaskForms forms;

    TaskSubjects(TaskForms forms) {
        this.forms = forms;
    }

    @Override
    public String event() {
        return TaskListener.EVENTNAME_CREATE;
    }

    @Override
    public void notify(DelegateTask task) {
        Object subject = task.getVariable(SUBJECT);
        if (subject != null && !subject.toString().isBlank() && task.getName() != null && !task.getName().contains(" · ")) {
            task.setName(task.getName() + " · " + subject);
        }
        Set<String> submitted = forms.of(task.getId(), task.getProcessDefinitionId(), task.getTaskDefinitionKey())
                .map(TaskForms.Fields::editable).orElse(Set.of());
        for (String name : LISTED) {
            Object value = task.getVariable(name);
            if (value != null && !submitted.contains(name) && !task.hasVariableLocal(name)) {
                task.setVariableLocal(name, value);
            }
        }
    }
}
