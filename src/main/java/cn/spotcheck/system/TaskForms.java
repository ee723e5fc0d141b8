package cn.spotcheck.system;

import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.form.TaskFormData;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a user task's Camunda Form holds: the fields a user fills in, and the variables it shows inside its text. A
 * task definition's form is bound to its deployment and never changes, so each is read once.
 */
@Component
public class TaskForms {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    private final FormService formService;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Optional<Fields>> byTaskDefinition = new ConcurrentHashMap<>();

    TaskForms(FormService formService) {
        this.formService = formService;
    }

    /**
     * {@code editable}: the keys a user fills in (a disabled or read-only field shows a value, it does not take one);
     * {@code shownInText}: the variables placed into text components that no field of the form asks for.
     */
    public record Fields(Set<String> editable, Set<String> shownInText) {
    }

    /** The form of the task {@code userTaskId} (of that definition and key), or empty for a task without a Camunda Form. */
    public Optional<Fields> of(String userTaskId, String processDefinitionId, String taskDefinitionKey) {
        return byTaskDefinition.computeIfAbsent(processDefinitionId + "/" + taskDefinitionKey, key -> read(userTaskId));
    }

    private Optional<Fields> read(String userTaskId) {
        // Asking the engine for a form the task does not have throws, and inside a listener that exception would
        // mark the whole transaction rollback-only even when caught: a task without a form must not start a process
        // that then silently rolls back.
        TaskFormData data = formService.getTaskFormData(userTaskId);
        if (data == null || (data.getCamundaFormRef() == null && data.getFormKey() == null)) {
            return Optional.empty();
        }
        try (InputStream form = formService.getDeployedTaskForm(userTaskId)) {
            Set<String> editable = new LinkedHashSet<>();
            Set<String> keys = new LinkedHashSet<>();
            Set<String> inText = new LinkedHashSet<>();
            collect(json.readTree(form), editable, keys, inText);
            inText.removeAll(keys);
            return Optional.of(new Fields(Set.copyOf(editable), Set.copyOf(inText)));
        } catch (Exception noCamundaForm) {
            return Optional.empty();
        }
    }

    private static void collect(JsonNode node, Set<String> editable, Set<String> keys, Set<String> inText) {
        if (node.isObject()) {
            if ("text".equals(node.path("type").asText()) && node.hasNonNull("text")) {
                Matcher m = PLACEHOLDER.matcher(node.get("text").asText());
                while (m.find()) {
                    inText.add(m.group(1));
                }
            } else if (node.hasNonNull("key") && node.hasNonNull("type")) {
                keys.add(node.get("key").asText());
                if (!node.path("disabled").asBoolean(false) && !node.path("readonly").asBoolean(false)) {
                    editable.add(node.get("key").asText());
                }
            }
            node.fields().forEachRemaining(e -> collect(e.getValue(), editable, keys, inText));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, editable, keys, inText));
        }
    }
}
