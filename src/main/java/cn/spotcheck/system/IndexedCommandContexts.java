package cn.spotcheck.system;

import java.lang.reflect.Field;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.springframework.stereotype.Component;

/**
 * Engine commands that keep what they look up again and again in hash tables. A fan-out's slice creates 500 tasks in
 * one command, and the engine searched lists of everything the command held: each task registered itself for the
 * command's close several times, each time compared with every task registered before it (a list's contains), and
 * each candidate's new authorization was compared with every authorization the command had created (1,000 per slice)
 * to merge with one for the same user and task. Both grew with the square of the slice.
 */
@Component
class IndexedCommandContexts extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandContextFactory factory = new CommandContextFactory() {
            @Override
            public CommandContext createCommandContext() {
                return new Indexed(getProcessEngineConfiguration());
            }
        };
        factory.setProcessEngineConfiguration(configuration);
        configuration.setCommandContextFactory(factory);
    }

    static final class Indexed extends CommandContext {

        private final Set<CommandContextListener> registered = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Map<String, AuthorizationEntity> authorizations = new HashMap<>();
        /** How many authorizations the entity cache held when {@link #authorizations} was last complete. */
        private int indexedAuthorizations = -1;

        Indexed(ProcessEngineConfigurationImpl configuration) {
            super(configuration);
        }

        /**
         * The engine's test is equality, and a command holds one instance of each entity (its cache sees to that):
         * identity is the same test, in constant time.
         */
        @Override
        public void registerCommandContextListener(CommandContextListener listener) {
            if (registered.add(listener)) {
                commandContextListeners.add(listener);
            }
        }

        /**
         * The grant this command already created for the same user or group on the same resource, if it is still to
         * be written, as the engine's own search of its cache would find it; the index is rebuilt from the cache
         * whenever the cache holds authorizations it was not told of.
         */
        AuthorizationEntity pendingGrant(String userId, String groupId, int resourceType, String resourceId) {
            DbEntityCache cache = getDbEntityManager().getDbEntityCache();
            int cached = AuthorizationCount.of(cache);
            if (cached != indexedAuthorizations) {
                authorizations.clear();
                for (AuthorizationEntity entity : cache.getEntitiesByType(AuthorizationEntity.class)) {
                    if (entity.getAuthorizationType() == AuthorizationEntity.AUTH_TYPE_GRANT) {
                        authorizations.put(key(entity.getUserId(), entity.getGroupId(), entity.getResourceType(), entity.getResourceId()), entity);
                    }
                }
                indexedAuthorizations = cached;
            }
            AuthorizationEntity found = authorizations.get(key(userId, groupId, resourceType, resourceId));
            return found != null && cache.contains(found) ? found : null;
        }

        /** The grant about to be written in place of {@code replaced} (null: in addition to those there are). */
        void granted(AuthorizationEntity grant, AuthorizationEntity replaced) {
            if (indexedAuthorizations >= 0) {
                authorizations.put(key(grant.getUserId(), grant.getGroupId(), grant.getResourceType(), grant.getResourceId()), grant);
                indexedAuthorizations += replaced == null ? 1 : 0;
            }
        }

        private static String key(String userId, String groupId, int resourceType, String resourceId) {
            return userId + '\u0000' + groupId + '\u0000' + resourceType + '\u0000' + resourceId;
        }
    }

    /** The number of authorizations in a command's entity cache, without copying them into a list to count them. */
    private static final class AuthorizationCount {
        private static final Field ENTITIES;

        static {
            try {
                ENTITIES = DbEntityCache.class.getDeclaredField("cachedEntites");
                ENTITIES.setAccessible(true);
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("Camunda 的实体缓存结构已变化，请检查 IndexedCommandContexts", e);
            }
        }

        @SuppressWarnings("unchecked")
        static int of(DbEntityCache cache) {
            try {
                Map<String, CachedDbEntity> authorizations = ((Map<Class<?>, Map<String, CachedDbEntity>>) ENTITIES.get(cache)).get(AuthorizationEntity.class);
                return authorizations == null ? 0 : authorizations.size();
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
