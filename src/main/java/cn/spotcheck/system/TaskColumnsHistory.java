package cn.spotcheck.system;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * The Tasklist columns a task carries as its own variables ({@link TaskSubjects}) are copies for display: what the
 * task was about stays in its name in history, and the process's variables keep their own history. Their history
 * rows (a historic variable and a detail row for each task) recorded nothing new — two of the rows every drawn
 * inspection's start wrote — so they are not written. Every other variable's history is written as before.
 */
@Component
class TaskColumnsHistory extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new WithoutColumnCopies(configuration.getHistoryEventHandler()));
    }

    /** A task's own copy of one of the columns. */
    static boolean isColumnCopy(HistoryEvent event) {
        return event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null
                && TaskSubjects.LISTED.contains(variable.getVariableName());
    }

    private record WithoutColumnCopies(HistoryEventHandler written) implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!isColumnCopy(event)) {
                written.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }
}
