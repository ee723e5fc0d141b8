package cn.spotcheck.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import cn.spotcheck.SecondPlatform;
import cn.spotcheck.followup.FollowUps;
import cn.spotcheck.plan.AnnualPlans;
import cn.spotcheck.supervision.OverdueMonitor;

/** The demo profile leaves real work waiting, and a restart adds nothing twice. */
class DemoYearTest {

    @TempDir
    Path dataDir;

    @Test
    void theDemoYearHasWorkWaitingAndIsSeededOnce() {
        try (ConfigurableApplicationContext demo = start()) {
            assertThat(demo.getBean(AnnualPlans.class).published()).hasSize(1);
            TaskService tasks = demo.getBean(TaskService.class);
            long officersWithWork = java.util.stream.IntStream.rangeClosed(1, 40)
                    .mapToObj(i -> String.format("zf%03d", i))
                    .filter(u -> tasks.createTaskQuery().taskCandidateUser(u).count() > 0).count();
            assertThat(officersWithWork).as("several officers have inspections in their Tasklist").isGreaterThanOrEqualTo(5);
            assertThat(demo.getBean(OverdueMonitor.class).today()).extracting(i -> i.rule()).contains("RESULT_NOT_PUBLISHED");
            assertThat(demo.getBean(FollowUps.class).open()).extracting(f -> f.kind()).contains("HANDOVER");
            assertThat(tasks.createTaskQuery().taskDefinitionKey("awaitAcknowledgement").count()).isEqualTo(1);
        }
        try (ConfigurableApplicationContext again = start()) {
            assertThat(again.getBean(AnnualPlans.class).all()).hasSize(1);
        }
    }

    private ConfigurableApplicationContext start() {
        return SecondPlatform.start(new String[] {"demo", "test"}, dataDir, "demoYearTest", "--spotcheck.demo.year=true");
    }
}
