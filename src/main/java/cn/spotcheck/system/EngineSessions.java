package cn.spotcheck.system;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/** Gives the engine a session of our own for one of its own kinds (its entity manager, a data manager), before it starts. */
public final class EngineSessions {

    private EngineSessions() {
    }

    /** To be called from a plugin's {@code preInit}: each command then opens {@code session} where it would open the engine's. */
    public static void provide(ProcessEngineConfigurationImpl configuration, Class<?> type, Supplier<Session> session) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return type;
            }

            @Override
            public Session openSession() {
                return session.get();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }
}
