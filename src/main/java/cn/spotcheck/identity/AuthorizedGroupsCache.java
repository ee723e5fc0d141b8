package cn.spotcheck.identity;

import java.util.HashSet;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

import cn.spotcheck.system.EngineSessions;

/**
 * The groups that hold any authorization, kept across engine calls. The engine reads them before every check of a
 * user's rights, and forgets them after each call: with an authorization per open task and officer (tens of
 * thousands), that full read of the authorization table was a quarter of Tasklist's database time. Here they are read
 * again every few seconds, and at once on this node when an authorization is changed (another node's change is seen
 * within the same few seconds); a group granted one on this node is known at once. A group's own authorizations
 * change rarely: at start-up and when an administrator grants one.
 */
@Component
class AuthorizedGroupsCache extends AbstractProcessEnginePlugin {

    private static final long RENEW_MILLIS = 5_000;

    private volatile Set<String> groups;
    private volatile long readAt;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineSessions.provide(configuration, AuthorizationManager.class, Manager::new);
    }

    private void forget() {
        groups = null;
    }

    /** The engine's authorization manager, reading the groups from the cache. */
    final class Manager extends AuthorizationManager {

        /**
         * Whether a revoking authorization may name the user or one of the groups (the engine's own answer, read once
         * per engine call; always true where the engine is told to check revokes always, false where never).
         */
        boolean revokesMayApply(String userId, java.util.List<String> groupIds) {
            return isRevokeAuthCheckEnabled(userId, groupIds);
        }

        @Override
        protected Set<String> getAllGroups() {
            Set<String> known = groups;
            long now = System.currentTimeMillis();
            if (known == null || now - readAt > RENEW_MILLIS) {
                known = Set.copyOf(super.getAllGroups());
                groups = known;
                readAt = now;
            }
            return known;
        }

        /**
         * A group granted something is added to what is known, not read again: each task offered to a group grants it
         * one, and a province's year offers tens of thousands, each re-reading the whole authorization table. A group
         * known here that no longer holds any authorization costs nothing but a longer query until the next reading.
         */
        @Override
        public void insert(DbEntity authorization) {
            super.insert(authorization);
            Set<String> known = groups;
            if (!(authorization instanceof AuthorizationEntity entity)) {
                forget();
            } else if (known != null && entity.getGroupId() != null && !known.contains(entity.getGroupId())) {
                Set<String> more = new HashSet<>(known);
                more.add(entity.getGroupId());
                groups = Set.copyOf(more);
            }
        }

        @Override
        public void update(AuthorizationEntity authorization) {
            super.update(authorization);
            forget();
        }
    }
}
