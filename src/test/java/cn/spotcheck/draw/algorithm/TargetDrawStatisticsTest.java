package cn.spotcheck.draw.algorithm;

import static cn.spotcheck.draw.algorithm.TestData.candidates;
import static cn.spotcheck.draw.algorithm.TestData.seed;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Over many seeds the draw must look like chance: every candidate of a stratum drawn at the stratum's rate, and
 * reduced-weight candidates drawn less often than normal ones. The seeds are fixed (TestData.seed), so the
 * outcome is the same on every run; a failure means a real bias, not bad luck at p = 0.001.
 */
class TargetDrawStatisticsTest {

    private static final int RUNS = 3_000;

    @Test
    void everyCandidateIsDrawnAtItsStratumsRate() {
        // A: 20 candidates at 25 % → 5 per draw; B: 30 candidates at 10 % → 3 per draw.
        List<Candidate> all = new ArrayList<>(candidates("A", 1, 20));
        all.addAll(candidates("B", 101, 30));
        Map<String, BigDecimal> ratios = Map.of("A", new BigDecimal("0.25"), "B", new BigDecimal("0.1"));
        long[] a = new long[20];
        long[] b = new long[30];

        for (int run = 0; run < RUNS; run++) {
            TargetDrawResult result = TargetDraw.draw(new TargetDrawRequest(seed(run), all, ratios));
            result.strata().get(0).drawnIds().forEach(id -> a[(int) (id - 1)]++);
            result.strata().get(1).drawnIds().forEach(id -> b[(int) (id - 101)]++);
        }

        double statistic = ChiSquare.selectionStatistic(a, RUNS, 5.0 / 20) + ChiSquare.selectionStatistic(b, RUNS, 3.0 / 30);
        int degreesOfFreedom = (20 - 1) + (30 - 1);
        assertThat(statistic).isLessThan(ChiSquare.criticalValueP001(degreesOfFreedom));
        // and the rates themselves, in plain words: about 25 % and 10 %
        assertThat(sum(a) / (double) (RUNS * 20)).isEqualTo(0.25);
        assertThat(sum(b) / (double) (RUNS * 30)).isEqualTo(0.10);
        assertThat(min(a) / (double) RUNS).isBetween(0.21, 0.25);
        assertThat(min(b) / (double) RUNS).isBetween(0.075, 0.10);
    }

    @Test
    void normalWeightCandidatesAreDrawnMoreOftenThanRecentlyInspectedOnes() {
        // 10 candidates with 2 tickets, 10 with 1 ticket, 5 drawn per run. Successive sampling of tickets gives
        // a rate ratio of about 1.85 here (it tends to 2 when few are drawn from many).
        List<Candidate> stratum = new ArrayList<>();
        for (int id = 1; id <= 20; id++) {
            stratum.add(new Candidate(id, "B", id <= 10 ? Candidate.NORMAL_WEIGHT : Candidate.REDUCED_WEIGHT));
        }
        long[] counts = new long[20];
        for (int run = 0; run < RUNS; run++) {
            TargetDraw.draw(new TargetDrawRequest(seed(run), stratum, Map.of("B", new BigDecimal("0.25"))))
                    .drawnIds().forEach(id -> counts[(int) (id - 1)]++);
        }
        long[] normal = java.util.Arrays.copyOfRange(counts, 0, 10);
        long[] reduced = java.util.Arrays.copyOfRange(counts, 10, 20);

        assertThat(min(normal)).isGreaterThan(max(reduced));
        double ratio = (double) sum(normal) / sum(reduced);
        assertThat(ratio).isBetween(1.65, 2.05);
        // within each weight class the candidates are still alike
        double pNormal = sum(normal) / (double) (RUNS * 10);
        double pReduced = sum(reduced) / (double) (RUNS * 10);
        assertThat(ChiSquare.selectionStatistic(normal, RUNS, pNormal)
                + ChiSquare.selectionStatistic(reduced, RUNS, pReduced))
                .isLessThan(ChiSquare.criticalValueP001(18));
        // and the test has teeth: treating all twenty alike is rejected
        assertThat(ChiSquare.selectionStatistic(counts, RUNS, 0.25)).isGreaterThan(ChiSquare.criticalValueP001(19));
    }

    private static long sum(long[] values) {
        return java.util.Arrays.stream(values).sum();
    }

    private static long min(long[] values) {
        return java.util.Arrays.stream(values).min().orElseThrow();
    }

    private static long max(long[] values) {
        return java.util.Arrays.stream(values).max().orElseThrow();
    }
}
