package cn.spotcheck.plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * How many targets a task would draw from today's directory, per credit level: the plan page shows it beside each
 * task so that its drafter and reviewers see what a ratio means. The draw module answers it (its ratios per credit
 * level are its own), found as a bean.
 */
public interface DrawForecast {

    List<Level> of(TaskView task);

    /** What the forecasts found as beans say of {@code task}: none when no module answers (the plan module alone). */
    static List<Level> levels(List<DrawForecast> forecasts, TaskView task) {
        return forecasts.stream().flatMap(f -> f.of(task).stream()).toList();
    }

    /** One credit level: its candidates today, its ratio, and how many a draw would take. */
    record Level(String level, int candidates, BigDecimal ratio, int drawn) {
    }
}
