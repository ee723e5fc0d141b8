package cn.spotcheck.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.spotcheck.SecondPlatform;

/**
 * 300 results published at once while the job executor is busy, as on a working day: every one reaches the public
 * site within seconds. The modules' listeners once ran on the job executor's threads, whose queue holds three: with
 * the jobs taking them, the events were refused ("did not accept task") and left unhandled until a restart.
 */
class PublishedInABurstTest {

    @TempDir
    Path dataDir;

    @Test
    void aBurstOfResultsReachesThePublicSiteWhileTheJobExecutorIsBusy() {
        try (ConfigurableApplicationContext app = SecondPlatform.startWithWeb(new String[] {"demo", "test"}, dataDir,
                // An engine of its own name: the shared test platform's engine may be running in this JVM.
                "--server.port=0", "--camunda.bpm.process-engine-name=burstTest", "--camunda.bpm.job-execution.enabled=true")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long targetId = jdbc.queryForObject("select min(id) from spotcheck.target", Long.class);
            app.getBeanFactory().registerSingleton("slowWork", new SlowWork());
            app.getBean(RepositoryService.class).createDeployment().addModelInstance("busy.bpmn", Bpmn.createExecutableProcess("busy")
                    .camundaHistoryTimeToLive(1).startEvent().serviceTask().camundaAsyncBefore().camundaExpression("${slowWork.take()}")
                    .endEvent().done()).deploy();
            for (int i = 0; i < 60; i++) {
                app.getBean(RuntimeService.class).startProcessInstanceByKey("busy");
            }

            PublishedResults.publish(app, "JC-906", 300, targetId);

            assertThat(jdbc.queryForObject("select count(*) from spotcheck.public_result where inspection_code like 'JC-906-%'", Integer.class))
                    .isEqualTo(300);
        }
    }

    /** A job that keeps its thread a while, as a document or a delivery does. */
    public static final class SlowWork {
        public void take() throws InterruptedException {
            Thread.sleep(300);
        }
    }
}
