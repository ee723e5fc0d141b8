package cn.spotcheck.calendar;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.spotcheck.system.EveryUserTask;

/**
 * Marks a new user task whose due date the diagram reckons in working days across a provisional year: Tasklist
 * shows the note beside the task (the filters list {@link ProvisionalDeadlines#NOTE_VARIABLE}), so that nobody
 * takes a guessed deadline for an official one. Listens on every user task ({@link EveryUserTask}), so every
 * diagram, present or future, is covered without a listener in its XML.
 */
@Component
class ProvisionalDeadlineMarks implements EveryUserTask.Listener {

    private final ProvisionalDeadlines deadlines;

    ProvisionalDeadlineMarks(ProvisionalDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public String event() {
        return TaskListener.EVENTNAME_CREATE;
    }

    @Override
    public void notify(DelegateTask task) {
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
