package cn.spotcheck.identity;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Who completes a task: its assignee (Tasklist makes one claim first), else {@link CurrentUser} (the platform's
 * or the engine's authenticated caller); null when the platform itself acts.
 */
public final class ActingUser {

    private ActingUser() {
    }

    public static String of(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        String platformCaller = CurrentUser.id();
        return CurrentUser.SYSTEM.equals(platformCaller) ? null : platformCaller;
    }
}
