package cn.spotcheck.plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * A task as the author gives it ({@code POST /api/plans/{id}/tasks}); dates as {@code YYYY-MM-DD}. {@code jointGroup}:
 * the label of a joint check (联合抽查) several joint tasks share, possibly across plans of one year; they are drawn
 * once for the union of their scopes.
 */
public record TaskInput(String name, List<String> itemCodes, Filter targetFilter, BigDecimal ratio,
                        Integer inspectorsPerTarget, String start, String end, String form, List<String> departments,
                        Boolean joint, String jointGroup) {

    /** A task outside any joint group. */
    public TaskInput(String name, List<String> itemCodes, Filter targetFilter, BigDecimal ratio, Integer inspectorsPerTarget,
                     String start, String end, String form, List<String> departments, Boolean joint) {
        this(name, itemCodes, targetFilter, ratio, inspectorsPerTarget, start, end, form, departments, joint, null);
    }

    public record Filter(List<String> categories, List<String> regions, List<String> tags) {
    }
}
