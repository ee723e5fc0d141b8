package cn.spotcheck.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.junit.jupiter.api.Test;

/**
 * The diagrams read the way Modeler's linter (bpmnlint, recommended rules) wants them: every flow element is
 * labelled, a task never joins flows by itself (a gateway does), and no gateway both joins and forks.
 */
class DiagramLintTest {

    @Test
    void everyDiagramIsLabelledAndJoinsExplicitly() {
        List<String> problems = new ArrayList<>();
        File[] diagrams = new File("processes").listFiles((dir, name) -> name.endsWith(".bpmn"));
        assertThat(diagrams).isNotEmpty();
        for (File file : diagrams) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file);
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                String where = file.getName() + " " + node.getId();
                if (node.getName() == null || node.getName().isBlank()) {
                    problems.add(where + "：没有名称");
                }
                int in = node.getIncoming().size();
                int out = node.getOutgoing().size();
                if (node instanceof Gateway) {
                    if (in > 1 && out > 1) {
                        problems.add(where + "：网关同时汇合与分支");
                    }
                } else if (in > 1 && !(node instanceof StartEvent)) {
                    problems.add(where + "：隐式汇合（应使用网关）");
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
