package cn.spotcheck.system;

import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.springframework.stereotype.Component;

/**
 * The engine grants each candidate of a new task its authorization on the task, and first asks the database whether
 * one already exists, to extend it. For a task created in the current command none can: its id was generated in
 * this command and nothing is written yet (one granted earlier in the same command is still found among the
 * command's unwritten entities, as before). One query fewer for each candidate of each task created: two for every
 * inspection fanned out, two for every step an inspection moves on to. That search of the unwritten entities goes
 * through the command's index ({@link IndexedCommandContexts}) instead of every authorization the command created.
 */
@Component
class NewTaskAuthorizations extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new Provider());
    }

    private static final class Provider extends DefaultAuthorizationProvider {

        @Override
        protected AuthorizationEntity getGrantAuthorizationByUserId(String userId, Resource resource, String resourceId) {
            return isNewTask(resource, resourceId) ? null : super.getGrantAuthorizationByUserId(userId, resource, resourceId);
        }

        @Override
        protected AuthorizationEntity getGrantAuthorizationByGroupId(String groupId, Resource resource, String resourceId) {
            return isNewTask(resource, resourceId) ? null : super.getGrantAuthorizationByGroupId(groupId, resource, resourceId);
        }

        /** The engine's own merge with a grant not yet written, found through the command's index (IndexedCommandContexts). */
        @Override
        protected void updateAuthorizationBasedOnCacheEntries(AuthorizationEntity authorization, String userId, String groupId, Resource resource,
                                                              String resourceId) {
            if (!(Context.getCommandContext() instanceof IndexedCommandContexts.Indexed command)) {
                super.updateAuthorizationBasedOnCacheEntries(authorization, userId, groupId, resource, resourceId);
                return;
            }
            AuthorizationEntity earlier = command.pendingGrant(userId, groupId, resource.resourceType(), resourceId);
            if (earlier != null) {
                authorization.setPermissions(earlier.getPermissions());
                command.getDbEntityManager().getDbEntityCache().remove(earlier);
            }
            command.granted(authorization, earlier);
        }

        private static boolean isNewTask(Resource resource, String resourceId) {
            return resource.resourceType() == Resources.TASK.resourceType() && NewTaskVariables.createdInThisCommand(resourceId);
        }
    }
}
