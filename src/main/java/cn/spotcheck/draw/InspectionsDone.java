package cn.spotcheck.draw;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.spotcheck.inspection.InspectionClosed;
import cn.spotcheck.inspection.InspectionPublished;
import cn.spotcheck.inspection.Inspections;
import cn.spotcheck.system.AdvisoryLock;

/**
 * Ends a spot-check task's wait ({@code awaitInspections} in {@code spot-check-task.bpmn}) when the last of its
 * inspections is published or closed. Told by the inspection module's events, after their transaction commits.
 */
@Component
class InspectionsDone {

    /** The message the task's diagram waits for. */
    static final String MESSAGE = "inspectionsDone";

    private final Inspections inspections;
    private final RuntimeService runtimeService;
    private final JdbcTemplate jdbc;

    InspectionsDone(Inspections inspections, RuntimeService runtimeService, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.inspections = inspections;
        this.runtimeService = runtimeService;
    }

    @ApplicationModuleListener
    void on(InspectionPublished published) {
        tellTaskIfAllDone(published.spotCheckTaskId());
    }

    @ApplicationModuleListener
    void on(InspectionClosed closed) {
        tellTaskIfAllDone(closed.spotCheckTaskId());
    }

    /**
     * The last inspection's publication and its process's end arrive as two events, handled at once on two threads:
     * a lock per task lets the second find the task already told, instead of both correlating the same message.
     */
    private void tellTaskIfAllDone(long spotCheckTaskId) {
        AdvisoryLock.holdUntilCommit(jdbc, "spotcheck.inspections-done:" + spotCheckTaskId);
        if (inspections.allDone(spotCheckTaskId)) {
            runtimeService.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(String.valueOf(spotCheckTaskId))
                    .correlateAllWithResult();
        }
    }
}
