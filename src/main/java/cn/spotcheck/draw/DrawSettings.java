package cn.spotcheck.draw;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Period;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How credit levels move the sampling ratio (信用分类监管). {@code MULTIPLIER}: a task's ratio is the rate for
 * level B and the other levels multiply it (defaults A ×0.5, C ×2, D ×4, capped at 100 %). {@code ABSOLUTE}: each
 * level has its own rate whatever the task says (e.g. 守信 1 %, 警示 10 %, 失信 50 %, 严重失信 80 %).
 * {@code recentWindowDays}: a target inspected for the same item within this many days is drawn with half the
 * weight (无事不扰). {@code minimumFrequency}: per credit level, the longest a target of that level may go without an
 * inspection (失信 C and 严重失信 D: a year by default); a target due by it is taken by every draw whose scope holds it
 * (stratum {@code <level>·最低频次}), the rest of its level drawn at the level's ratio. {@code P0D} turns it off.
 */
@ConfigurationProperties(prefix = "spotcheck.draw")
public record DrawSettings(Mode mode, Map<String, BigDecimal> multipliers, Map<String, BigDecimal> absolute,
                           Integer recentWindowDays, Map<String, Period> minimumFrequency) {

    /** The suffix of the stratum of targets taken under the minimum frequency. */
    public static final String MINIMUM_FREQUENCY = "·最低频次";

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
        minimumFrequency = minimumFrequency == null ? Map.of("C", Period.ofYears(1), "D", Period.ofYears(1))
                : Map.copyOf(minimumFrequency);
    }

    /** The period of {@code level}'s minimum frequency, or null when it has none. */
    public Period minimumFrequencyOf(String level) {
        Period period = minimumFrequency.get(level);
        return period == null || period.isZero() || period.isNegative() ? null : period;
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
