package cn.spotcheck.calendar;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * Reads, from the deployed diagrams, which due dates and timers are written on the working-day calendar, e.g.
 * {@code camunda:dueDate="${workingDays.deadline(inspectionEndDate, 7)}"}: those are the deadlines a newly loaded
 * holiday notice can move. Diagrams are immutable once deployed, so each definition is read once.
 */
@Component
class DeadlineRules {

    private static final Pattern WORKING_DAY_RULE = Pattern.compile(
            "\\$\\{\\s*workingDays\\.(deadline|morningOf)\\(\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*,\\s*(\\d+|[A-Za-z_][A-Za-z0-9_]*)\\s*\\)\\s*}");

    private final RepositoryService repositoryService;
    private final Map<String, Map<String, Dated>> byDefinition = new ConcurrentHashMap<>();

    /** A dated element of a diagram: its date expression and its name. */
    private record Dated(String expression, String name) {
    }

    DeadlineRules(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    /** The working-day rule of a user task's due date or a timer event, if the diagram writes it as one. */
    Optional<WorkingDayRule> of(String processDefinitionId, String elementId) {
        Dated element = element(processDefinitionId, elementId);
        return element == null ? Optional.empty() : parse(element.expression());
    }

    /** True when the element's date mentions the working-day calendar at all, in whatever form. */
    boolean usesWorkingDays(String processDefinitionId, String elementId) {
        Dated element = element(processDefinitionId, elementId);
        return element != null && element.expression().contains("workingDays.");
    }

    /** The element's name in the diagram, as the record of a moved deadline shows it. */
    String nameOf(String processDefinitionId, String elementId) {
        Dated element = element(processDefinitionId, elementId);
        return element == null ? null : element.name();
    }

    private Dated element(String processDefinitionId, String elementId) {
        return byDefinition.computeIfAbsent(processDefinitionId, this::read).get(elementId);
    }

    static Optional<WorkingDayRule> parse(String expression) {
        if (expression == null) {
            return Optional.empty();
        }
        Matcher m = WORKING_DAY_RULE.matcher(expression.trim());
        return m.matches() ? Optional.of(new WorkingDayRule(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }

    static Optional<WorkingDayRule> ofUserTask(ModelElementInstance element) {
        return element instanceof UserTask task ? parse(task.getCamundaDueDate()) : Optional.empty();
    }

    private Map<String, Dated> read(String processDefinitionId) {
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(processDefinitionId);
        Map<String, Dated> expressions = new HashMap<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (task.getCamundaDueDate() != null) {
                expressions.put(task.getId(), new Dated(task.getCamundaDueDate(), task.getName()));
            }
        }
        for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
            ModelElementInstance event = timer.getParentElement();
            String text = timer.getTimeDate() != null ? timer.getTimeDate().getTextContent()
                    : timer.getTimeDuration() != null ? timer.getTimeDuration().getTextContent()
                    : timer.getTimeCycle() != null ? timer.getTimeCycle().getTextContent() : null;
            if (event instanceof FlowElement flowElement && text != null) {
                expressions.put(flowElement.getId(), new Dated(text, flowElement.getName()));
            }
        }
        return Map.copyOf(expressions);
    }

    /**
     * {@code ${workingDays.<method>(<variable>, <days>)}}; {@code days} is a number, or the name of the variable that
     * holds it (a diagram that names its period once, e.g. {@code publicationWorkingDays}).
     */
    record WorkingDayRule(String method, String variable, String days) {

        /** The date for an instance whose variables {@code variables} reads. */
        Date apply(WorkingDays workingDays, Function<String, Object> variables) {
            Object base = variables.apply(variable);
            int n = days.chars().allMatch(Character::isDigit) ? Integer.parseInt(days) : ((Number) variables.apply(days)).intValue();
            return "deadline".equals(method) ? workingDays.deadline(base, n) : workingDays.morningOf(base, n);
        }
    }
}
