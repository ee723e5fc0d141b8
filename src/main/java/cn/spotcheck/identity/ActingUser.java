package cn.spotcheck.identity;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Who completes a task: its assignee (Tasklist makes one claim first), else the user the engine authenticated for
 * the call (engine REST API), else the platform's own caller; null when the platform itself acts.
 */
public final class ActingUser {

    private ActingUser() {
    }

    public static String of(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        var engineCaller = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (engineCaller != null && engineCaller.getUserId() != null) {
            return engineCaller.getUserId();
        }
        String platformCaller = CurrentUser.id();
        return CurrentUser.SYSTEM.equals(platformCaller) ? null : platformCaller;
    }
}
