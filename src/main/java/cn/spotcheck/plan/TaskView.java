package cn.spotcheck.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A spot-check task as the API, the draw and the public site read it. {@code jointGroup} is null outside a joint
 * group (联合抽查组). {@code targetIds}: the named targets of a 定向抽查 (null for a task drawn at random), with
 * {@code targetedReason}, why they were named.
 */
public record TaskView(long id, long planId, String name, List<String> itemCodes, TargetFilter targetFilter,
                       BigDecimal ratio, int inspectorsPerTarget, LocalDate start, LocalDate end, String form,
                       String formName, List<String> departments, boolean joint, String jointGroup, String status,
                       List<Long> targetIds, String targetedReason) {

    /** A task of random draw (the plan's ordinary tasks). */
    public TaskView(long id, long planId, String name, List<String> itemCodes, TargetFilter targetFilter, BigDecimal ratio,
                    int inspectorsPerTarget, LocalDate start, LocalDate end, String form, String formName, List<String> departments,
                    boolean joint, String jointGroup, String status) {
        this(id, planId, name, itemCodes, targetFilter, ratio, inspectorsPerTarget, start, end, form, formName, departments, joint,
                jointGroup, status, null, null);
    }

    /** 定向抽查: its targets were named, not drawn. */
    public boolean targeted() {
        return targetIds != null;
    }

    /** The department that leads the task (the first it names), whose series numbers its documents; null when it names none. */
    public String leadDepartment() {
        return departments.isEmpty() ? null : departments.get(0);
    }

    /** Whether the task's plan has been published, so that it may be drawn. */
    public boolean published() {
        return TaskStatus.PUBLISHED.name().equals(status);
    }

    /** Which targets the task may draw from; empty lists mean no restriction on that field. */
    public record TargetFilter(List<String> categories, List<String> regions, List<String> tags) {
    }
}
