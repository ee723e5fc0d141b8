package cn.spotcheck.coverage;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Joins the per-class process coverage reports of the whole suite and holds every diagram in {@code processes/} to
 * 100 % of its flow nodes and sequence flows. Run by {@code ./mvnw verify} after the tests; writes
 * {@code target/process-test-coverage/summary.txt} and fails the build below 100 %.
 */
public final class ProcessCoverageGate {

    private ProcessCoverageGate() {
    }

    public static void main(String[] args) throws IOException {
        Path reports = Path.of(args.length > 0 ? args[0] : "target/process-test-coverage");
        Path diagrams = Path.of(args.length > 1 ? args[1] : "processes");
        Map<String, Set<String>> covered = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.walk(reports)) {
            for (Path report : files.filter(p -> p.getFileName().toString().equals("report.json")).toList()) {
                for (JsonNode suite : json.readTree(report.toFile()).path("suites")) {
                    for (JsonNode run : suite.path("runs")) {
                        for (JsonNode event : run.path("events")) {
                            covered.computeIfAbsent(event.path("modelKey").asText(), k -> new TreeSet<>())
                                    .add(event.path("definitionKey").asText());
                        }
                    }
                }
            }
        }
        StringBuilder summary = new StringBuilder("流程测试覆盖率（全部测试合计）\n");
        boolean complete = true;
        File[] bpmnFiles = diagrams.toFile().listFiles((dir, name) -> name.endsWith(".bpmn"));
        for (File file : bpmnFiles == null ? new File[0] : bpmnFiles) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file);
            // One process per file: every flow node and sequence flow in it, those inside sub-processes included.
            for (Process process : model.getModelElementsByType(Process.class)) {
                Set<String> elements = new TreeSet<>();
                model.getModelElementsByType(FlowNode.class).forEach(n -> elements.add(n.getId()));
                model.getModelElementsByType(SequenceFlow.class).forEach(f -> elements.add(f.getId()));
                Set<String> missing = new TreeSet<>(elements);
                missing.removeAll(covered.getOrDefault(process.getId(), Set.of()));
                double percent = 100.0 * (elements.size() - missing.size()) / elements.size();
                summary.append(String.format("%-16s %6.1f %%  (%d/%d)%s%n", process.getId(), percent,
                        elements.size() - missing.size(), elements.size(), missing.isEmpty() ? "" : "  未覆盖：" + missing));
                complete &= missing.isEmpty();
            }
        }
        Files.createDirectories(reports);
        Files.writeString(reports.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
        System.out.print(summary);
        if (!complete) {
            throw new IllegalStateException("流程测试覆盖率未达到 100%，见 " + reports.resolve("summary.txt"));
        }
    }
}
