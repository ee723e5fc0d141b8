package cn.spotcheck.draw;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How credit levels move the sampling ratio (信用分类监管). {@code MULTIPLIER}: a task's ratio is the rate for
 * level B and the other levels multiply it (defaults A ×0.5, C ×2, D ×4, capped at 100 %). {@code ABSOLUTE}: each
 * level has its own rate whatever the task says (e.g. 守信 1 %, 警示 10 %, 失信 50 %, 严重失信 80 %).
 * {@code recentWindowDays}: a target inspected for the same item within this many days is drawn with half the
 * weight (无事不扰).
 */
@ConfigurationProperties(prefix = "spotcheck.draw")
public record DrawSettings(Mode mode, Map<String, BigDecimal> multipliers, Map<String, BigDecimal> absolute,
                           Integer recentWindowDays) {

    public enum Mode { MULTIPLIER, ABSOLUTE }

    public DrawSettings {
        mode = mode == null ? Mode.MULTIPLIER : mode;
        multipliers = multipliers == null || multipliers.isEmpty()
                ? Map.of("A", new BigDecimal("0.5"), "B", BigDecimal.ONE, "C", new BigDecimal("2"), "D", new BigDecimal("4"))
                : Map.copyOf(multipliers);
        absolute = absolute == null || absolute.isEmpty()
                ? Map.of("A", new BigDecimal("0.01"), "B", new BigDecimal("0.10"), "C", new BigDecimal("0.50"), "D", new BigDecimal("0.80"))
                : Map.copyOf(absolute);
        recentWindowDays = recentWindowDays == null ? 365 : recentWindowDays;
    }

    /** The rate for one credit level in a task whose ratio is {@code taskRatio}; a 100 % task stays 100 %. */
    public BigDecimal ratioFor(String level, BigDecimal taskRatio) {
        if (taskRatio.compareTo(BigDecimal.ONE) >= 0) {
            return BigDecimal.ONE;
        }
        BigDecimal rate = mode == Mode.ABSOLUTE
                ? absolute.getOrDefault(level, taskRatio)
                : taskRatio.multiply(multipliers.getOrDefault(level, BigDecimal.ONE));
        return rate.min(BigDecimal.ONE).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
