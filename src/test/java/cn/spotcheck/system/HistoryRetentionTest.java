package cn.spotcheck.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.spotcheck.SpotCheckIntegrationTest;

/**
 * The engine's history is kept per process for its own diagram's time to live, counted from its end: a process called
 * by another (a follow-up called by its inspection) outlives its caller when its time to live is longer, and the
 * nightly cleanup removes each when its own time is up. Ending a process writes no removal date into its history.
 */
@SpotCheckIntegrationTest
class HistoryRetentionTest {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aCalledProcessIsKeptForItsOwnTimeToLiveCountedFromItsEnd() {
        repositoryService.createDeployment()
                .addModelInstance("retention-child.bpmn", Bpmn.createExecutableProcess("retentionChild").camundaHistoryTimeToLive(10)
                        .startEvent().userTask("work").endEvent().done())
                .addModelInstance("retention-parent.bpmn", Bpmn.createExecutableProcess("retentionParent").camundaHistoryTimeToLive(1)
                        .startEvent().callActivity().calledElement("retentionChild").endEvent().done())
                .deploy();
        Instant start = Instant.now();
        ProcessInstance parent = runtimeService.startProcessInstanceByKey("retentionParent");
        String child = runtimeService.createProcessInstanceQuery().superProcessInstanceId(parent.getId()).singleResult().getId();
        taskService.complete(taskService.createTaskQuery().processInstanceId(child).singleResult().getId());

        assertThat(history(parent.getId()).getEndTime()).as("the caller ended").isNotNull();
        assertThat(history(parent.getId()).getRemovalTime()).as("no removal date written when it ended").isNull();
        assertThat(history(child).getRemovalTime()).isNull();

        cleanUpAt(start.plus(Duration.ofDays(2)));
        assertThat(history(parent.getId())).as("the caller, 1 day after its end").isNull();
        assertThat(history(child)).as("the called process, 2 of its 10 days after its end").isNotNull();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(child).count()).isPositive();

        cleanUpAt(start.plus(Duration.ofDays(11)));
        assertThat(history(child)).as("the called process, 11 days after its end").isNull();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(child).count()).isZero();
    }

    private HistoricProcessInstance history(String processInstanceId) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    }

    /** The nightly cleanup, run at {@code when} (the batch window aside). */
    private void cleanUpAt(Instant when) {
        ClockUtil.setCurrentTime(Date.from(when));
        Job cleanup = historyService.cleanUpHistoryAsync(true);
        managementService.executeJob(cleanup.getId());
    }
}
