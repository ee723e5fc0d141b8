package cn.spotcheck.supervision;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 预警 of a target category ({@code spotcheck.supervision.warning.*}): its discovery rate this quarter (so far) is
 * {@code rateRise} or more above the quarter before's (0.10: ten percentage points), with at least
 * {@code minResults} published results in each quarter, so that three results do not raise an alarm.
 */
@ConfigurationProperties(prefix = "spotcheck.supervision.warning")
record WarningRules(BigDecimal rateRise, Integer minResults) {

    WarningRules {
        rateRise = rateRise == null || rateRise.signum() <= 0 ? new BigDecimal("0.10") : rateRise;
        minResults = minResults == null || minResults < 1 ? 10 : minResults;
    }
}
