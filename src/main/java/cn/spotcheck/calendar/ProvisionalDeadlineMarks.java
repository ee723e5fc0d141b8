package cn.spotcheck.calendar;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Marks a new user task whose due date the diagram reckons in working days across a provisional year: Tasklist
 * shows the note beside the task (the filters list {@link ProvisionalDeadlines#NOTE_VARIABLE}), so that nobody
 * takes a guessed deadline for an official one. Listens to the engine's task events, so every diagram, present
 * or future, is covered without a listener in its XML.
 */
@Component
class ProvisionalDeadlineMarks {

    private final ProvisionalDeadlines deadlines;

    ProvisionalDeadlineMarks(ProvisionalDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
    void onCreate(DelegateTask task) {
        if (task.getDueDate() == null) {
            return;
        }
        DeadlineRules.ofUserTask(task.getBpmnModelElementInstance()).ifPresent(rule -> {
            Object base = task.getVariable(rule.variable());
            if (base != null) {
                String note = deadlines.noteFor(WorkingDays.toLocalDate(base), BureauTime.dayOf(task.getDueDate()));
                if (note != null) {
                    task.setVariableLocal(ProvisionalDeadlines.NOTE_VARIABLE, note);
                }
            }
        });
    }
}
