package cn.spotcheck.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
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
 * <p>
 * Likewise whether any revoking authorization exists at all. Unless told to always or never, the engine asks before
 * every call's first check whether one names the caller — one more query each time, in a platform that grants only.
 * While none exists (read at most every few seconds, so another node's new one counts here within them; known at once on this node when one is made), the engine is
 * told so without asking; once one does, it asks as before.
 */
@Component
class AuthorizedGroupsCache extends AbstractProcessEnginePlugin {

    private static final long RENEW_MILLIS = 5_000;

    private volatile Set<String> groups;
    private volatile long readAt;
    private volatile Boolean revokes;
    private volatile long revokesReadAt;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineSessions.provide(configuration, AuthorizationManager.class, Manager::new);
    }

    private void forget() {
        groups = null;
        revokes = null;
    }

    /** Whether any revoking authorization exists, as read within the last few seconds. */
    private boolean anyRevokes(CommandContext context) {
        Boolean known = revokes;
        long now = System.currentTimeMillis();
        if (known == null || now - revokesReadAt > RENEW_MILLIS) {
            String sql = "select exists (select 1 from " + context.getProcessEngineConfiguration().getDatabaseTablePrefix()
                    + "ACT_RU_AUTHORIZATION where TYPE_ = " + Authorization.AUTH_TYPE_REVOKE + ")";
            try (Statement statement = context.getDbSqlSession().getSqlSession().getConnection().createStatement();
                 ResultSet row = statement.executeQuery(sql)) {
                row.next();
                known = row.getBoolean(1);
            } catch (SQLException e) {
                throw new ProcessEngineException("无法读取撤销授权：" + e.getMessage(), e);
            }
            revokes = known;
            revokesReadAt = now;
        }
        return known;
    }

    /** The engine's authorization manager, reading the groups and whether revokes exist from the cache. */
    final class Manager extends AuthorizationManager {

        /**
         * Whether a revoking authorization may name the user or one of the groups (the engine's own answer, read once
         * per engine call; always true where the engine is told to check revokes always, false where never).
         */
        boolean revokesMayApply(String userId, List<String> groupIds) {
            return isRevokeAuthCheckEnabled(userId, groupIds);
        }

        @Override
        protected boolean isRevokeAuthCheckEnabled(String userId, List<String> groupIds) {
            String mode = Context.getProcessEngineConfiguration().getAuthorizationCheckRevokes();
            boolean auto = mode == null || ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO.equalsIgnoreCase(mode);
            if (auto && !anyRevokes(Context.getCommandContext())) {
                return false;
            }
            return super.isRevokeAuthCheckEnabled(userId, groupIds);
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
                return;
            }
            if (entity.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE) {
                revokes = Boolean.TRUE;
                revokesReadAt = System.currentTimeMillis();
            }
            if (known != null && entity.getGroupId() != null && !known.contains(entity.getGroupId())) {
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
