package cn.spotcheck.plan;

import java.math.BigDecimal;
import java.util.List;

/** A task as the author gives it (CONTRACT: Plans, tasks, draws); dates as {@code YYYY-MM-DD}. */
public record TaskInput(String name, List<String> itemCodes, Filter targetFilter, BigDecimal ratio,
                        Integer inspectorsPerTarget, String start, String end, String form, List<String> departments,
                        Boolean joint) {

    public record Filter(List<String> categories, List<String> regions, List<String> tags) {
    }
}
