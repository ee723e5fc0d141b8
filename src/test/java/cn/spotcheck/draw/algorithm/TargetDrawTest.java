package cn.spotcheck.draw.algorithm;

import static cn.spotcheck.draw.algorithm.TestData.candidates;
import static cn.spotcheck.draw.algorithm.TestData.seed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TargetDrawTest {

    private static final Map<String, BigDecimal> RATIOS = Map.of("A", new BigDecimal("0.1"), "B", new BigDecimal("0.3"));

    private static List<Candidate> abCandidates() {
        List<Candidate> all = new ArrayList<>(candidates("A", 1, 50));
        all.addAll(candidates("B", 1001, 40));
        return all;
    }

    @Test
    void theSameSeedGivesTheSameDrawAndAnotherSeedAnother() {
        TargetDrawResult first = TargetDraw.draw(new TargetDrawRequest(seed(1), abCandidates(), RATIOS));
        TargetDrawResult again = TargetDraw.draw(new TargetDrawRequest(seed(1), abCandidates(), RATIOS));
        TargetDrawResult other = TargetDraw.draw(new TargetDrawRequest(seed(2), abCandidates(), RATIOS));

        assertThat(again).isEqualTo(first);
        assertThat(other.drawnIds()).isNotEqualTo(first.drawnIds());
        assertThat(other.candidateDigest()).isEqualTo(first.candidateDigest());
    }

    @Test
    void theOrderTheCandidatesArriveInChangesNothing() {
        List<Candidate> shuffled = new ArrayList<>(abCandidates());
        Collections.shuffle(shuffled, new Random(7));

        assertThat(TargetDraw.draw(new TargetDrawRequest(seed(3), shuffled, RATIOS)))
                .isEqualTo(TargetDraw.draw(new TargetDrawRequest(seed(3), abCandidates(), RATIOS)));
    }

    @Test
    void eachStratumDrawsItsRatioRoundedUpInExactDecimals() {
        assertThat(TargetDraw.drawCount(new BigDecimal("0.03"), 101)).isEqualTo(4); // 3.03 → 4
        assertThat(TargetDraw.drawCount(new BigDecimal("0.03"), 100)).isEqualTo(3); // exactly 3, not 4
        assertThat(TargetDraw.drawCount(new BigDecimal("0.07"), 100)).isEqualTo(7); // 0.07*100 in double is 7.000000000000001
        assertThat(TargetDraw.drawCount(new BigDecimal("0.1"), 30)).isEqualTo(3); // 0.1*30 in double is 3.0000000000000004
        assertThat(TargetDraw.drawCount(new BigDecimal("0.015"), 1)).isEqualTo(1);
        assertThat(TargetDraw.drawCount(BigDecimal.ZERO, 500)).isZero();
        assertThat(TargetDraw.drawCount(TargetDraw.ALL, 500)).isEqualTo(500);

        TargetDrawResult result = TargetDraw.draw(new TargetDrawRequest(seed(4), candidates("B", 1, 101),
                Map.of("B", new BigDecimal("0.03"))));
        assertThat(result.strata()).singleElement().satisfies(b -> {
            assertThat(b.candidateCount()).isEqualTo(101);
            assertThat(b.drawnCount()).isEqualTo(4);
            assertThat(b.drawnIds()).doesNotHaveDuplicates().allMatch(id -> id >= 1 && id <= 101);
        });
    }

    @Test
    void aWholeStratumIsTakenInIdOrderAndStrataStayApart() {
        List<Candidate> all = new ArrayList<>(candidates("两客一危", 1, 12));
        all.addAll(candidates("B", 100, 200));
        Collections.shuffle(all, new Random(5));
        TargetDrawResult result = TargetDraw.draw(new TargetDrawRequest(seed(5), all,
                Map.of("两客一危", TargetDraw.ALL, "B", new BigDecimal("0.05"), "D", new BigDecimal("0.5"))));

        assertThat(result.strata()).extracting(StratumDraw::stratum).containsExactly("B", "D", "两客一危");
        assertThat(result.strata().get(2).drawnIds()).containsExactlyElementsOf(TestData.ids(1, 12));
        assertThat(result.strata().get(0).drawnIds()).hasSize(10).allMatch(id -> id >= 100);
        assertThat(result.strata().get(1)).isEqualTo(new StratumDraw("D", new BigDecimal("0.50"), 0, List.of()));
        assertThat(result.drawnIds()).hasSize(22)
                .startsWith(result.strata().get(0).drawnIds().toArray(Long[]::new));
    }

    @Test
    void theDrawnHoldTheStreamsTicketsInTurn() {
        List<Candidate> stratum = new ArrayList<>();
        for (int id = 1; id <= 30; id++) {
            stratum.add(new Candidate(id * 7L, "C", id % 3 == 0 ? Candidate.REDUCED_WEIGHT : Candidate.NORMAL_WEIGHT));
        }
        TargetDrawResult result = TargetDraw.draw(new TargetDrawRequest(seed(6), stratum,
                Map.of("C", new BigDecimal("0.2"))));

        // The walk the documentation describes, through the generic label path: the j-th number of the stream picks
        // ticket x mod T among the tickets left, counted in id order.
        KeyHasher hasher = new KeyHasher(seed(6));
        List<Candidate> left = new ArrayList<>(stratum);
        List<Long> expected = new ArrayList<>();
        for (int j = 0; expected.size() < 6; j++) {
            long x = hasher.key("target|C|" + j);
            long total = left.stream().mapToLong(Candidate::weight).sum();
            assertThat(Long.compareUnsigned(x, -((Long.remainderUnsigned(-1L, total) + 1) % total))).isNegative();
            long ticket = Long.remainderUnsigned(x, total);
            for (int i = 0; ; i++) {
                if (ticket < left.get(i).weight()) {
                    expected.add(left.remove(i).id());
                    break;
                }
                ticket -= left.get(i).weight();
            }
        }
        assertThat(result.drawnIds()).containsExactlyElementsOf(expected);
    }

    @Test
    void version1DrawsAWholeStratumInKeyOrderAndStrataStayApart() {
        List<Candidate> all = new ArrayList<>(candidates("两客一危", 1, 12));
        all.addAll(candidates("B", 100, 200));
        TargetDrawResult result = TargetDraw.draw(new TargetDrawRequest(seed(5), all,
                Map.of("两客一危", TargetDraw.ALL, "B", new BigDecimal("0.05"), "D", new BigDecimal("0.5"))), DrawAlgorithm.KEYED_SORT);

        assertThat(result.strata()).extracting(StratumDraw::stratum).containsExactly("B", "D", "两客一危");
        StratumDraw all100 = result.strata().get(2);
        assertThat(all100.drawnIds()).containsExactlyInAnyOrderElementsOf(TestData.ids(1, 12));
        KeyHasher hasher = new KeyHasher(seed(5));
        List<Long> keys = all100.drawnIds().stream()
                .map(id -> keyOf(hasher, "两客一危", id, Candidate.NORMAL_WEIGHT)).toList();
        for (int i = 1; i < keys.size(); i++) {
            assertThat(Long.compareUnsigned(keys.get(i - 1), keys.get(i))).isNegative();
        }
        assertThat(result.strata().get(0).drawnIds()).hasSize(10).allMatch(id -> id >= 100);
        assertThat(result.strata().get(1)).isEqualTo(new StratumDraw("D", new BigDecimal("0.50"), 0, List.of()));
        assertThat(result.drawnIds()).hasSize(22)
                .startsWith(result.strata().get(0).drawnIds().toArray(Long[]::new));
    }

    @Test
    void version1DrawsExactlyTheSmallestKeysWithWeightsAsTickets() {
        List<Candidate> stratum = new ArrayList<>();
        for (int id = 1; id <= 30; id++) {
            stratum.add(new Candidate(id, "C", id % 3 == 0 ? Candidate.REDUCED_WEIGHT : Candidate.NORMAL_WEIGHT));
        }
        TargetDrawResult result = TargetDraw.draw(new TargetDrawRequest(seed(6), stratum,
                Map.of("C", new BigDecimal("0.2"))), DrawAlgorithm.KEYED_SORT);

        KeyHasher hasher = new KeyHasher(seed(6));
        List<Candidate> byKey = new ArrayList<>(stratum);
        byKey.sort((a, b) -> Long.compareUnsigned(keyOf(hasher, "C", a.id(), a.weight()),
                keyOf(hasher, "C", b.id(), b.weight())));
        assertThat(result.drawnIds()).containsExactlyElementsOf(byKey.subList(0, 6).stream().map(Candidate::id).toList());
    }

    @Test
    void theVersion1CandidateDigestCoversTheCanonicalLines() throws Exception {
        List<Candidate> candidates = List.of(new Candidate(20, "B", 2), new Candidate(3, "失信", 1),
                new Candidate(7, "B", 1), new Candidate(1, "A", 2));
        String text = "1|A|2\n7|B|1\n20|B|2\n3|失信|1\n";
        String expected = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));

        assertThat(TargetDraw.candidateDigest(candidates, DrawAlgorithm.KEYED_SORT)).isEqualTo(expected);
        assertThat(TargetDraw.candidateDigest(List.of(new Candidate(20, "B", 1), new Candidate(3, "失信", 1),
                new Candidate(7, "B", 1), new Candidate(1, "A", 2)), DrawAlgorithm.KEYED_SORT)).isNotEqualTo(expected);
    }

    @Test
    void duplicatesAreRejectedEvenAcrossStrata() {
        List<Candidate> candidates = new ArrayList<>(candidates("A", 1, 5));
        candidates.add(Candidate.of(3, "B"));

        assertThatThrownBy(() -> TargetDraw.draw(new TargetDrawRequest(seed(1), candidates, RATIOS)))
                .isInstanceOf(InvalidDrawInputException.class)
                .hasMessageContaining("候选检查对象重复").hasMessageContaining("3");
    }

    @Test
    void aStratumWithoutARatioIsRefusedNotGuessed() {
        assertThatThrownBy(() -> TargetDraw.draw(new TargetDrawRequest(seed(1), candidates("C", 1, 5), RATIOS)))
                .isInstanceOf(InvalidDrawInputException.class)
                .hasMessage("分层“C”有 5 个候选检查对象，但没有配置抽取比例");
    }

    @Test
    void badRatiosWeightsSeedsAndCodesAreRefusedWithChineseMessages() {
        assertThatThrownBy(() -> new TargetDrawRequest(seed(1), List.of(), Map.of("A", new BigDecimal("1.5"))))
                .hasMessageContaining("分层“A”的抽取比例 1.5 无效");
        assertThatThrownBy(() -> new TargetDrawRequest(seed(1), List.of(), Map.of("A", new BigDecimal("-0.1"))))
                .hasMessageContaining("须在 0 到 1 之间");
        assertThatThrownBy(() -> new Candidate(9, "A", 0)).hasMessageContaining("检查对象 9 的抽取权重 0 无效");
        assertThatThrownBy(() -> new Candidate(9, "A|B", 2)).hasMessageContaining("不允许的字符");
        assertThatThrownBy(() -> new Candidate(9, " ", 2)).hasMessageContaining("不能为空");
        assertThatThrownBy(() -> DrawSeed.ofHex("abc")).hasMessageContaining("64 位十六进制");
        assertThatThrownBy(() -> DrawSeed.ofHex("g".repeat(64))).hasMessageContaining("十六进制字符");
        assertThat(DrawSeed.ofHex("AB".repeat(32)).hex()).isEqualTo("ab".repeat(32));
    }

    @Test
    void noCandidatesDrawsNothing() {
        TargetDrawResult result = TargetDraw.draw(new TargetDrawRequest(seed(1), List.of(), RATIOS));

        assertThat(result.drawnIds()).isEmpty();
        assertThat(result.canonicalLines()).containsExactly("stratum|A|0.1|0|0|", "stratum|B|0.3|0|0|");
    }

    @Test
    void largeStrataHashedInParallelGiveTheSameKeysAsOneThread() {
        List<Candidate> many = candidates("B", 1, 120_000);
        long[] parallel = StratumSelection.keys(seed(8), "B", many);
        KeyHasher hasher = new KeyHasher(seed(8));
        for (int i = 0; i < many.size(); i += 997) {
            assertThat(parallel[i]).isEqualTo(keyOf(hasher, "B", many.get(i).id(), Candidate.NORMAL_WEIGHT));
        }
    }

    /** The key as the documentation defines it, through the generic label path. */
    static long keyOf(KeyHasher hasher, String stratum, long id, int weight) {
        long key = -1L; // the largest unsigned value
        for (int t = 0; t < weight; t++) {
            long ticket = hasher.key("target|" + stratum + "|" + id + "|" + t);
            if (Long.compareUnsigned(ticket, key) < 0) {
                key = ticket;
            }
        }
        return key;
    }
}
