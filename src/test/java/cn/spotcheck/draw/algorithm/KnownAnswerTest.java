package cn.spotcheck.draw.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Java draw gives exactly what the independent Python reference ({@code docs/draw-reference.py}) gives.
 * The expected values below were printed by {@code python3 docs/draw-reference.py --example | python3
 * docs/draw-reference.py --record -} (and the same input with the joint-check changes noted), not by Java; the
 * last test re-runs the script on random inputs when python3 is installed.
 */
class KnownAnswerTest {

    private static final DrawAlgorithm V1 = DrawAlgorithm.KEYED_SORT;

    private static final DrawSeed SEED =
            DrawSeed.ofHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    private static final List<Candidate> CANDIDATES = List.of(
            new Candidate(1, "A", 2), new Candidate(2, "A", 2), new Candidate(3, "A", 1), new Candidate(4, "A", 2),
            new Candidate(5, "B", 2), new Candidate(6, "B", 1), new Candidate(7, "B", 2), new Candidate(8, "B", 2),
            new Candidate(9, "B", 2), new Candidate(10, "B", 1));

    private static final Map<String, BigDecimal> RATIOS = Map.of("A", new BigDecimal("0.5"), "B", new BigDecimal("0.34"));

    private static final List<Inspector> INSPECTORS = List.of(new Inspector(101, "运输管理科"),
            new Inspector(102, "运输管理科"), new Inspector(103, "综合执法支队"), new Inspector(104, "综合执法支队"),
            new Inspector(105, "港航管理科"));

    private static final Set<Recusal> RECUSALS = Set.of(new Recusal(101, 9), new Recusal(103, 8));

    /** The example of docs/draw-algorithm.md, version 2 (the script's --example). */
    @Test
    void theTenCandidateExampleMatchesThePythonReferenceInVersion2() {
        TargetDrawResult targets = TargetDraw.draw(new TargetDrawRequest(SEED, CANDIDATES, RATIOS));

        assertThat(targets.candidateDigest()).isEqualTo("a6b0488d85640673729a9d01d0f4fc48636d4d3d78a15cb048bdfbf7972667e1");
        assertThat(targets.strata().get(0).drawnIds()).containsExactly(1L, 2L);
        assertThat(targets.strata().get(1).drawnIds()).containsExactly(9L, 7L, 5L);
        // the stream's first number in stratum A, as in the worked example: ticket 0x3c89… mod 7 = 1, held by target 1
        assertThat(Long.toHexString(new KeyHasher(SEED).key("target|A|0"))).isEqualTo("3c89d8a9229cbf26");
        assertThat(HexFormat.of().formatHex(CandidateList.of(CANDIDATES).canonicalBytes())).isEqualTo(
                "73706f74636865636b2d63616e6469646174657320320a410a040202010201010102420a06060201010102010201020101");

        InspectorDrawRequest inspectors = new InspectorDrawRequest(SEED, targets.drawnIds(), 2, INSPECTORS, RECUSALS,
                List.of());
        InspectorAssignment assignment = InspectorDraw.draw(inspectors);
        assertThat(assignment.canonicalLines()).containsExactly("assign|1|102,103", "assign|2|105,104",
                "assign|9|102,105", "assign|7|101,104", "assign|5|101,103");
        DrawRecordContent record = DrawRecordContent.ofDraw(DrawAlgorithm.CURRENT, SEED, targets, inspectors, assignment,
                DrawRecordContent.GENESIS);
        assertThat(record.digest()).isEqualTo("645806c63a44eefb92e5ff28b9187c38376e778343f8ffce36cee9b01686820f");

        ReplacementOutcome replaced = InspectorReplacement.replace(inspectors, assignment, 1, 2, 105, "执法人员请假");
        assertThat(replaced.replacement().canonicalLine()).isEqualTo("replacement|1|2|105|102|执法人员请假");
        assertThat(DrawRecordContent.ofReplacement(DrawAlgorithm.CURRENT, inspectors, targets.candidateDigest(),
                replaced.replacement(), record.digest()).digest())
                .isEqualTo("e92baeea4e6a7a9015978d0bf53f832b38a47777299870a0f35145a8f81d1c5d");

        InspectorDrawRequest joint = new InspectorDrawRequest(SEED, targets.drawnIds(), 3, INSPECTORS, RECUSALS,
                List.of("运输管理科", "港航管理科"));
        InspectorAssignment jointAssignment = InspectorDraw.draw(joint);
        assertThat(DrawRecordContent.ofDraw(DrawAlgorithm.CURRENT, SEED, targets, joint, jointAssignment,
                DrawRecordContent.GENESIS).digest()).isEqualTo("38ca314afe611d00d75d6848f963cbdfe8597c4da1a45d9a9a9998a0920ea4a2");
    }

    /** The version 1 example (records made before 2026-12-04), as the script gives it with "version": 1. */
    @Test
    void theTenCandidateExampleMatchesThePythonReference() {
        TargetDrawResult targets = TargetDraw.draw(new TargetDrawRequest(SEED, CANDIDATES, RATIOS), V1);

        assertThat(targets.candidateDigest()).isEqualTo("3d32aa6c0c56e14c3de5e1ef2c6f3d60987bbb72658f0b85f5aa4d7662f30067");
        assertThat(targets.strata().get(0).drawnIds()).containsExactly(1L, 4L); // ceil(0.5 × 4) = 2
        assertThat(targets.strata().get(1).drawnIds()).containsExactly(9L, 6L, 8L); // ceil(0.34 × 6) = 3
        // the first ticket's key, as in the worked example of docs/draw-algorithm.md
        assertThat(Long.toHexString(new KeyHasher(SEED).key("target|A|1|0"))).isEqualTo("b7c325746af0b572");

        InspectorDrawRequest inspectors = new InspectorDrawRequest(SEED, targets.drawnIds(), 2, INSPECTORS, RECUSALS,
                List.of());
        InspectorAssignment assignment = InspectorDraw.draw(inspectors);
        assertThat(assignment.canonicalLines()).containsExactly("assign|1|102,103", "assign|4|105,104",
                "assign|9|102,105", "assign|6|101,104", "assign|8|101,102");
        assertThat(InspectorDraw.inputDigest(inspectors))
                .isEqualTo("e754baaa53186727a43b76ae93050329b7a651d0d1e281ebe3c7e7142f2b1bf6");

        DrawRecordContent record = DrawRecordContent.ofDraw(V1, SEED, targets, inspectors, assignment,
                DrawRecordContent.GENESIS);
        assertThat(record.digest()).isEqualTo("cbd2e371718fa8a4e1383f7f3fad9d62a53a09c7205117629aa7fff1f987f36d");

        ReplacementOutcome replaced = InspectorReplacement.replace(inspectors, assignment, 1, 4, 105, "执法人员请假");
        assertThat(replaced.replacement().canonicalLine()).isEqualTo("replacement|1|4|105|103|执法人员请假");
        assertThat(DrawRecordContent.ofReplacement(V1, inspectors, targets.candidateDigest(), replaced.replacement(),
                record.digest()).digest()).isEqualTo("6b96ce0020643998456c671ab9dacfd1efc873997b783b3e511fb693c42962d7");
    }

    /** The same input with requiredDepartments ["运输管理科", "港航管理科"] and inspectorsPerTarget 3. */
    @Test
    void theJointCheckExampleMatchesThePythonReference() {
        TargetDrawResult targets = TargetDraw.draw(new TargetDrawRequest(SEED, CANDIDATES, RATIOS), V1);
        InspectorDrawRequest inspectors = new InspectorDrawRequest(SEED, targets.drawnIds(), 3, INSPECTORS, RECUSALS,
                List.of("运输管理科", "港航管理科"));

        InspectorAssignment assignment = InspectorDraw.draw(inspectors);

        assertThat(assignment.canonicalLines()).containsExactly("assign|1|105,102,103", "assign|4|105,101,104",
                "assign|9|105,102,104", "assign|6|105,101,103", "assign|8|105,101,102");
        DrawRecordContent record = DrawRecordContent.ofDraw(V1, SEED, targets, inspectors, assignment,
                DrawRecordContent.GENESIS);
        assertThat(record.digest()).isEqualTo("05803d926d12b89117ebdc9c42048df0017a55911786f3292979e756bc83db68");

        ReplacementOutcome first = InspectorReplacement.replace(inspectors, assignment, 1, 1, 103, "执法人员请假");
        ReplacementOutcome second = InspectorReplacement.replace(inspectors, first.assignment(), 2, 1, 102, "当事人申请回避");
        assertThat(first.replacement().newInspectorId()).isEqualTo(104);
        assertThat(second.replacement().newInspectorId()).isEqualTo(101); // the only other 运输管理科 inspector
        assertThat(second.assignment().inspectorsOf(1)).containsExactly(105L, 101L, 104L);
        DrawRecordContent r1 = DrawRecordContent.ofReplacement(V1, inspectors, targets.candidateDigest(),
                first.replacement(), record.digest());
        DrawRecordContent r2 = DrawRecordContent.ofReplacement(V1, inspectors, targets.candidateDigest(),
                second.replacement(), r1.digest());
        assertThat(r1.digest()).isEqualTo("751ae220e1ebfd5c9b664efb9a04fa4adda89cf19a596e078cefd34a5017ce91");
        assertThat(r2.digest()).isEqualTo("56cb3c78340c3398266b98373b4636eb30ecd55777712b552c5ee74b2c7ef5b4");
    }

    /**
     * Random inputs — Chinese strata, weights 1..3, big ids, departments, recusals, replacements — run by both, in
     * either version.
     */
    @Test
    void randomDrawsMatchThePythonReferenceRunLive() throws Exception {
        assumeTrue(pythonAvailable(), "python3 not installed");
        for (DrawAlgorithm algorithm : DrawAlgorithm.values()) {
            for (int round = 0; round < 3; round++) {
                matchesTheReference(algorithm, round);
            }
        }
    }

    private static void matchesTheReference(DrawAlgorithm algorithm, int round) throws Exception {
        SplittableRandom random = new SplittableRandom(1000 + round);
        DrawSeed seed = TestData.seed(9000 + round);
        List<Candidate> candidates = new ArrayList<>();
        String[] strata = {"A", "B", "失信", "严重失信"};
        Set<Long> used = new HashSet<>();
        for (int i = 0; i < 400; i++) {
            long id = random.nextLong(1, 9_000_000_000L);
            if (used.add(id)) {
                candidates.add(new Candidate(id, strata[random.nextInt(strata.length)], 1 + random.nextInt(3)));
            }
        }
        Map<String, BigDecimal> ratios = new LinkedHashMap<>();
        ratios.put("A", new BigDecimal("0.03"));
        ratios.put("B", new BigDecimal("0.125"));
        ratios.put("失信", new BigDecimal("0.50"));
        ratios.put("严重失信", TargetDraw.ALL);
        ratios.put("守信", new BigDecimal("0.01"));
        List<Inspector> inspectors = new ArrayList<>();
        String[] departments = {"运输管理科", "综合执法支队", "公路管理科", "港航管理科"};
        for (int i = 0; i < 40; i++) {
            inspectors.add(new Inspector(500 + i * 7L, departments[i % departments.length]));
        }
        TargetDrawResult targets = TargetDraw.draw(new TargetDrawRequest(seed, candidates, ratios), algorithm);
        List<Long> drawn = targets.drawnIds();
        Set<Recusal> recusals = new HashSet<>();
        for (int i = 0; i < 120; i++) {
            recusals.add(new Recusal(inspectors.get(random.nextInt(40)).id(), drawn.get(random.nextInt(drawn.size()))));
        }
        List<String> required = round == 0 ? List.of() : List.of("综合执法支队", "港航管理科");
        int perTarget = round == 0 ? 2 : 3;
        InspectorDrawRequest request = new InspectorDrawRequest(seed, drawn, perTarget, inspectors, recusals, required);
        InspectorAssignment assignment = InspectorDraw.draw(request);

        StringBuilder expected = new StringBuilder();
        DrawRecordContent record = DrawRecordContent.ofDraw(algorithm, seed, targets, request, assignment,
                DrawRecordContent.GENESIS);
        expected.append(record.canonicalText()).append("digest=").append(record.digest()).append('\n');
        List<String> replacementJson = new ArrayList<>();
        InspectorAssignment current = assignment;
        String previous = record.digest();
        for (int sequence = 1; sequence <= 3; sequence++) {
            long target = drawn.get(random.nextInt(drawn.size()));
            long old = current.inspectorsOf(target).get(random.nextInt(perTarget));
            ReplacementOutcome outcome = InspectorReplacement.replace(request, current, sequence, target, old,
                    "原因|" + sequence);
            current = outcome.assignment();
            DrawRecordContent next = DrawRecordContent.ofReplacement(algorithm, request, targets.candidateDigest(),
                    outcome.replacement(), previous);
            expected.append(next.canonicalText()).append("digest=").append(next.digest()).append('\n');
            previous = next.digest();
            replacementJson.add("[" + sequence + "," + target + "," + old + ",\"原因|" + sequence + "\"]");
        }

        String json = "{\"version\":" + algorithm.version() + ",\"seed\":\"" + seed.hex() + "\",\"candidates\":["
                + String.join(",", candidates.stream().map(c -> "[" + c.id() + ",\"" + c.stratum() + "\","
                        + c.weight() + "]").toList())
                + "],\"ratios\":{" + String.join(",", ratios.entrySet().stream()
                        .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue().toPlainString() + "\"").toList())
                + "},\"inspectorsPerTarget\":" + perTarget + ",\"inspectors\":["
                + String.join(",", inspectors.stream().map(i -> "[" + i.id() + ",\"" + i.department() + "\"]").toList())
                + "],\"recusals\":[" + String.join(",", recusals.stream()
                        .map(r -> "[" + r.inspectorId() + "," + r.targetId() + "]").toList())
                + "],\"requiredDepartments\":[" + String.join(",", required.stream().map(d -> "\"" + d + "\"").toList())
                + "],\"replacements\":[" + String.join(",", replacementJson) + "]}";

        assertThat(runReference(json)).as("%s round %d", algorithm, round).isEqualTo(expected.toString());
    }

    private static boolean pythonAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String runReference(String json) throws Exception {
        Path input = Files.createTempFile("draw-input", ".json");
        try {
            Files.writeString(input, json, StandardCharsets.UTF_8);
            Process p = new ProcessBuilder("python3", "docs/draw-reference.py", "--record", input.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("python exit code").isZero();
            return out;
        } finally {
            Files.deleteIfExists(input);
        }
    }
}
