package cn.spotcheck.system;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * The extension properties of a diagram's process (Modeler: the process → Extension properties): the place where a
 * diagram writes a period once, for its due dates and timers to use. Deployed diagrams never change, so each
 * definition's properties are read once.
 */
public final class DiagramProperties {

    private static final Map<String, DiagramProperties> BY_DEFINITION = new ConcurrentHashMap<>();

    private final String processName;
    private final Map<String, String> values;

    private DiagramProperties(String processName, Map<String, String> values) {
        this.processName = processName;
        this.values = values;
    }

    public static DiagramProperties of(DelegateExecution execution) {
        return BY_DEFINITION.computeIfAbsent(execution.getProcessDefinitionId(), id -> read(execution, id));
    }

    /** A number of working days; the diagram must state it, between 1 and 60. */
    public int workingDays(String name) {
        String value = values.get(name);
        try {
            int days = Integer.parseInt(value == null ? "" : value.strip());
            if (days >= 1 && days <= 60) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("流程“" + processName + "”的扩展属性 " + name + " 应为 1 至 60 之间的工作日数，现为“"
                + (value == null ? "（未填写）" : value) + "”，请管理员在 Camunda Modeler 中改正后重新部署");
    }

    private static DiagramProperties read(DelegateExecution execution, String processDefinitionId) {
        for (Process process : execution.getBpmnModelInstance().getModelElementsByType(Process.class)) {
            if (processDefinitionId.startsWith(process.getId() + ":")) {
                Map<String, String> values = new HashMap<>();
                ExtensionElements extensions = process.getExtensionElements();
                if (extensions != null) {
                    for (CamundaProperties properties : extensions.getElementsQuery().filterByType(CamundaProperties.class).list()) {
                        for (CamundaProperty property : properties.getCamundaProperties()) {
                            values.put(property.getCamundaName(), property.getCamundaValue());
                        }
                    }
                }
                return new DiagramProperties(process.getName() == null ? process.getId() : process.getName(), Map.copyOf(values));
            }
        }
        return new DiagramProperties(processDefinitionId, Map.of());
    }
}
