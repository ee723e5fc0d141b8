package cn.spotcheck.identity;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * The engine's check that the caller may work a task (complete it, submit its form, claim it), answered from the
 * task itself when the caller is its assignee or one of its candidates, by name or through a group: the engine grants
 * each of them that right on the task as it makes them so, and keeps it. Only when the caller holds the task in no
 * such way, or a revoking authorization names the caller or one of the caller's groups, is the engine's own
 * authorization query run. That query, built anew by the engine for every call, was about a tenth of each
 * completion's time in a province's year (see the README).
 */
@Component
class TaskWorkCheck extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandChecker> checkers = configuration.getCommandCheckers() == null
                ? new ArrayList<>(List.of(new TenantCommandChecker(), new AuthorizationCommandChecker()))
                : new ArrayList<>(configuration.getCommandCheckers());
        checkers.replaceAll(checker -> checker.getClass() == AuthorizationCommandChecker.class ? new Checker() : checker);
        configuration.setCommandCheckers(checkers);
    }

    private static final class Checker extends AuthorizationCommandChecker {

        @Override
        public void checkTaskWork(TaskEntity task) {
            if (!heldWithoutRevokes(task)) {
                super.checkTaskWork(task);
            }
        }
    }

    private static boolean heldWithoutRevokes(TaskEntity task) {
        CommandContext context = Context.getCommandContext();
        Authentication caller = context.getAuthentication();
        if (caller == null || caller.getUserId() == null || !holds(task, caller)) {
            return false;
        }
        return context.getAuthorizationManager() instanceof AuthorizedGroupsCache.Manager manager
                && !manager.revokesMayApply(caller.getUserId(), caller.getGroupIds());
    }

    /** The caller is the task's assignee or a candidate by name or through one of the caller's groups. */
    private static boolean holds(TaskEntity task, Authentication caller) {
        String user = caller.getUserId();
        if (user.equals(task.getAssignee())) {
            return true;
        }
        List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        for (IdentityLinkEntity link : task.getIdentityLinks()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())
                    && (user.equals(link.getUserId()) || link.getGroupId() != null && groups.contains(link.getGroupId()))) {
                return true;
            }
        }
        return false;
    }
}
