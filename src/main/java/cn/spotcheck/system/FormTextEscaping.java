package cn.spotcheck.system;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Camunda Forms render their text components as Markdown after putting variables into {{…}}: a target named
 * {@code [点此核对](javascript:…)} would become a link in an inspector's form. When a task is created, each variable its
 * form shows inside text gets a task-local copy with the Markdown characters escaped, so the form shows the name as
 * it was typed. The process keeps the original; fields the user fills in are never touched, nor the briefs the platform writes
 * in Markdown ({@link Markdown#isBrief}).
 */
@Component
class FormTextEscaping implements EveryUserTask.Listener {

    private final TaskForms forms;

    FormTextEscaping(TaskForms forms) {
        this.forms = forms;
    }

    @Override
    public String event() {
        return TaskListener.EVENTNAME_CREATE;
    }

    @Override
    public void notify(DelegateTask task) {
        Set<String> shown = forms.of(task.getId(), task.getProcessDefinitionId(), task.getTaskDefinitionKey())
                .map(TaskForms.Fields::shownInText).orElse(Set.of());
        for (String name : shown) {
            if (!Markdown.isBrief(name) && task.getVariable(name) instanceof String value) {
                String escaped = Markdown.escape(value);
                if (!escaped.equals(value)) {
                    task.setVariableLocal(name, escaped);
                }
            }
        }
    }

}
