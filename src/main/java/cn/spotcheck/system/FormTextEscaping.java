package cn.spotcheck.system;

import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Camunda Forms render their text components as Markdown after putting variables into {{…}}: a target named
 * {@code [点此核对](javascript:…)} would become a link in an officer's form. When a task is created, each variable its
 * form shows inside text gets a task-local copy with the Markdown characters escaped, so the form shows the name as
 * it was typed. The process keeps the original; fields the user fills in are never touched.
 */
@Component
class FormTextEscaping {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
    private static final Pattern MARKDOWN = Pattern.compile("([\\\\`*_\\[\\]()#!<>|~{}])");

    private final FormService formService;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Set<String>> shownInText = new ConcurrentHashMap<>();

    FormTextEscaping(FormService formService) {
        this.formService = formService;
    }

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
    void onCreate(DelegateTask task) {
        String key = task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey();
        for (String name : shownInText.computeIfAbsent(key, k -> textVariables(task.getId()))) {
            if (task.getVariable(name) instanceof String value) {
                String escaped = escape(value);
                if (!escaped.equals(value)) {
                    task.setVariableLocal(name, escaped);
                }
            }
        }
    }

    static String escape(String text) {
        return MARKDOWN.matcher(text).replaceAll("\\\\$1");
    }

    /** The variables the task's form shows inside text components and does not ask the user for. */
    private Set<String> textVariables(String taskId) {
        try (InputStream form = formService.getDeployedTaskForm(taskId)) {
            Set<String> inText = new LinkedHashSet<>();
            Set<String> keys = new LinkedHashSet<>();
            collect(json.readTree(form), inText, keys);
            inText.removeAll(keys);
            return Set.copyOf(inText);
        } catch (Exception noCamundaForm) {
            return Set.of();
        }
    }

    private static void collect(JsonNode node, Set<String> inText, Set<String> keys) {
        if (node.isObject()) {
            if ("text".equals(node.path("type").asText()) && node.hasNonNull("text")) {
                Matcher m = PLACEHOLDER.matcher(node.get("text").asText());
                while (m.find()) {
                    inText.add(m.group(1));
                }
            } else if (node.hasNonNull("key")) {
                keys.add(node.get("key").asText());
            }
            node.fields().forEachRemaining(e -> collect(e.getValue(), inText, keys));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, inText, keys));
        }
    }
}
