package cn.spotcheck.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads the modules' event listeners run on after a commit (Spring's {@code @Async}, under every
 * {@code @ApplicationModuleListener}). Without a bean of this name they ran on the engine's job executor pool when it
 * was the only one (so in the web application), whose queue holds three: under a working day's load — officers
 * completing tasks while the job executor ran — events were refused (“did not accept task”) and stayed unhandled
 * until a restart republished them, so results did not reach the public site.
 * <p>
 * The queue is unbounded on purpose: each call waiting in it stands for an event already stored with the transaction
 * that published it ({@code event_publication}), and one lost at a shutdown is republished at the next start.
 */
@Configuration
class ModuleEventThreads {

    @Bean(name = "taskExecutor")
    ThreadPoolTaskExecutor taskExecutor(@Value("${spotcheck.events.threads:4}") int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setThreadNamePrefix("module-events-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        return executor;
    }
}
