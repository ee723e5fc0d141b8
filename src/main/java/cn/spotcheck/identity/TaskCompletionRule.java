package cn.spotcheck.identity;

import java.util.Map;

/**
 * A rule of the regime checked before a user task is completed, whatever the route (Tasklist, the engine REST
 * API, the platform's own API): four eyes on a review, the dates of an inspection inside its window, two inspectors
 * present. A module contributes its rules as beans; {@link EngineGuard} asks every rule that applies before the
 * engine sees the request, and the diagram's listeners ask the same rules again for calls made from Java.
 */
public interface TaskCompletionRule {

    /** True for the tasks this rule is about. */
    boolean appliesTo(String processDefinitionKey, String taskDefinitionKey);

    /**
     * Refuses with an {@link cn.spotcheck.system.ApiException} (a Chinese message naming the field, status 400, 403
     * or 409) when {@code userId} may not complete the task with {@code submitted} as its form's values.
     */
    void check(CompletionAttempt attempt);

    /** Who completes which task with which submitted values; {@code userId} is null for the platform itself. */
    record CompletionAttempt(String userTaskId, String processInstanceId, String businessKey, String processDefinitionKey,
                             String taskDefinitionKey, String userId, Map<String, Object> submitted) {
    }
}
