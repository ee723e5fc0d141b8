package cn.spotcheck.draw.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The approximation the statistical tests rely on, against tabulated chi-square quantiles at p = 0.001. */
class ChiSquareTest {

    @Test
    void wilsonHilfertyIsCloseToTheTables() {
        assertThat(ChiSquare.criticalValueP001(8)).isCloseTo(26.124, within(0.25));
        assertThat(ChiSquare.criticalValueP001(10)).isCloseTo(29.588, within(0.25));
        assertThat(ChiSquare.criticalValueP001(30)).isCloseTo(59.703, within(0.15));
        assertThat(ChiSquare.criticalValueP001(50)).isCloseTo(86.661, within(0.15));
        assertThat(ChiSquare.criticalValueP001(100)).isCloseTo(149.449, within(0.15));
    }

    @Test
    void aPerfectFitScoresZeroAndABiasedOneScoresHigh() {
        assertThat(ChiSquare.selectionStatistic(new long[] {500, 500, 500, 500}, 1000, 0.5)).isZero();
        assertThat(ChiSquare.selectionStatistic(new long[] {700, 300, 500, 500}, 1000, 0.5))
                .isGreaterThan(ChiSquare.criticalValueP001(3));
    }
}
