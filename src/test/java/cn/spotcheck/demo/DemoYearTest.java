package cn.spotcheck.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Date;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import cn.spotcheck.SecondPlatform;
import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.calendar.WorkingDays;
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
            assertThat(officersWithWork).as("several inspectors have inspections in their Tasklist").isGreaterThanOrEqualTo(5);
            assertThat(demo.getBean(OverdueMonitor.class).today()).extracting(i -> i.rule()).contains("RESULT_NOT_PUBLISHED");
            assertThat(demo.getBean(FollowUps.class).open()).extracting(f -> f.kind()).contains("HANDOVER");
            assertThat(tasks.createTaskQuery().taskDefinitionKey("awaitAcknowledgement").count()).isEqualTo(1);
        }
        try (ConfigurableApplicationContext again = start()) {
            assertThat(again.getBean(AnnualPlans.class).all()).hasSize(1);
        }
    }

    /**
     * On 13 January 2027, with no notice for 2027 shipped or loaded, the demo still starts: its year is 2027, its
     * deadlines are provisional and say so, and the administrators are asked for the notice.
     */
    @Test
    void theDemoYearStartsInAYearWithoutItsNotice(@TempDir Path otherDataDir) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2027, 1, 13, 9, 0).atZone(BureauTime.ZONE).toInstant()));
        try (ConfigurableApplicationContext demo = SecondPlatform.start(new String[] {"demo", "test"}, otherDataDir,
                "demoYear2027Test", "--spotcheck.demo.year=true", "--spotcheck.calendar.check-at-start=true")) {
            assertThat(demo.getBean(WorkingDays.class).isProvisional(2027)).isTrue();
            assertThat(demo.getBean(AnnualPlans.class).published()).extracting(p -> p.year()).containsExactly(2027);
            TaskService tasks = demo.getBean(TaskService.class);
            assertThat(tasks.createTaskQuery().processDefinitionKey("holiday-schedule").taskCandidateGroup("camunda-admin")
                    .list()).extracting(t -> t.getName()).containsExactly("导入 2027 年节假日安排");
            // The overdue result dates from the task's first day (2 January 2027): due 7 provisional working days later.
            Task publish = tasks.createTaskQuery().taskDefinitionKey("publishResult").list().stream()
                    .filter(t -> BureauTime.dayOf(t.getDueDate()).getYear() == 2027).findFirst().orElseThrow();
            assertThat(tasks.getVariableLocal(publish.getId(), "deadlineNote")).asString().startsWith("暂定");
        } finally {
            ClockUtil.reset();
        }
    }

    private ConfigurableApplicationContext start() {
        return SecondPlatform.start(new String[] {"demo", "test"}, dataDir, "demoYearTest", "--spotcheck.demo.year=true");
    }
}
