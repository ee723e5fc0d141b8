package cn.spotcheck.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The platform's listeners on every user task of every diagram ({@link Listener} beans), added to each task as the
 * diagram is deployed, after the diagram's own listeners of the same event, in their {@code @Order}. They replace
 * Camunda's Spring eventing of tasks, which published two Spring events for each event of each task (create,
 * assignment, update, complete, delete) to be filtered by every listener's condition: 4 % of a completion's
 * time in a profile of a province's year, for six listeners on three events.
 */
@Component
public class EveryUserTask extends AbstractProcessEnginePlugin {

    private final ObjectProvider<Listener> beans;
    private volatile Map<String, List<Listener>> byEvent;

    EveryUserTask(ObjectProvider<Listener> beans) {
        this.beans = beans;
    }

    /** Runs on one event of every user task; a refusal thrown here refuses the engine's step, as a diagram's listener's. */
    public interface Listener {

        /** {@link TaskListener#EVENTNAME_CREATE}, {@link TaskListener#EVENTNAME_ASSIGNMENT} or {@link TaskListener#EVENTNAME_COMPLETE}. */
        String event();

        void notify(DelegateTask task);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                for (String event : List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_COMPLETE)) {
                    definition.addTaskListener(event, task -> listenersOf(event).forEach(listener -> listener.notify(task)));
                }
            }
        });
    }

    /** Looked up at the first task's event: the listeners use the engine's services, which exist only after the plugins. */
    private List<Listener> listenersOf(String event) {
        Map<String, List<Listener>> known = byEvent;
        if (known == null) {
            known = beans.orderedStream().collect(Collectors.groupingBy(Listener::event));
            byEvent = known;
        }
        return known.getOrDefault(event, List.of());
    }
}
