package cn.spotcheck.draw.algorithm;

import static cn.spotcheck.draw.algorithm.TestData.ids;
import static cn.spotcheck.draw.algorithm.TestData.inspectors;
import static cn.spotcheck.draw.algorithm.TestData.seed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Over many seeds, which inspectors a target gets must look like chance among those qualified for it. The rule
 * "least loaded first" is symmetric in the inspectors, so every target's inspectors are a uniformly random pair
 * of the qualified ones; the seed-derived keys must not favour anybody.
 */
class InspectorDrawStatisticsTest {

    private static final int RUNS = 3_000;

    @Test
    void everyQualifiedInspectorIsEquallyLikelyForEveryTarget() {
        List<Inspector> pool = inspectors("综合执法支队", 1, 9);
        List<Long> targets = ids(100, 6);
        long[][] counts = new long[6][9];

        for (int run = 0; run < RUNS; run++) {
            InspectorAssignment assignment = InspectorDraw.draw(
                    new InspectorDrawRequest(seed(run), targets, 2, pool, Set.of(), List.of()));
            for (int t = 0; t < 6; t++) {
                for (long inspector : assignment.targets().get(t).inspectorIds()) {
                    counts[t][(int) inspector - 1]++;
                }
            }
        }

        // The targets of one run depend on each other, so each target is tested on its own.
        for (int t = 0; t < 6; t++) {
            assertThat(ChiSquare.selectionStatistic(counts[t], RUNS, 2.0 / 9))
                    .as("target %d", targets.get(t)).isLessThan(ChiSquare.criticalValueP001(8));
        }
    }

    @Test
    void aRecusedInspectorIsNeverDrawnAndTheOthersShareItsChance() {
        List<Inspector> pool = inspectors("运输管理科", 1, 9);
        Set<Recusal> recusals = Set.of(new Recusal(4, 100));
        long[] counts = new long[9];

        for (int run = 0; run < RUNS; run++) {
            InspectorDraw.draw(new InspectorDrawRequest(seed(run), List.of(100L, 101L), 2, pool, recusals, List.of()))
                    .inspectorsOf(100).forEach(id -> counts[(int) (id - 1)]++);
        }

        assertThat(counts[3]).isZero();
        long[] qualified = new long[8];
        for (int i = 0, q = 0; i < 9; i++) {
            if (i != 3) {
                qualified[q++] = counts[i];
            }
        }
        assertThat(ChiSquare.selectionStatistic(qualified, RUNS, 2.0 / 8)).isLessThan(ChiSquare.criticalValueP001(7));
    }
}
