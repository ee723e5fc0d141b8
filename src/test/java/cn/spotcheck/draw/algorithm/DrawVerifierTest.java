package cn.spotcheck.draw.algorithm;

import static cn.spotcheck.draw.algorithm.TestData.candidates;
import static cn.spotcheck.draw.algorithm.TestData.inspectors;
import static cn.spotcheck.draw.algorithm.TestData.seed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DrawVerifierTest {

    private final List<Candidate> candidates = new ArrayList<>(candidates("A", 1, 40));
    private final Map<String, BigDecimal> ratios = Map.of("A", new BigDecimal("0.2"), "B", new BigDecimal("0.5"));
    private final TargetDrawRequest targetInputs;
    private final TargetDrawResult targets;
    private final InspectorDrawRequest inspectorInputs;
    private final InspectorAssignment assignment;

    DrawVerifierTest() {
        candidates.addAll(candidates("B", 100, 10));
        targetInputs = new TargetDrawRequest(seed(31), candidates, ratios);
        targets = TargetDraw.draw(targetInputs);
        inspectorInputs = new InspectorDrawRequest(seed(31), targets.drawnIds(), 2, inspectors("运输管理科", 1, 6),
                Set.of(new Recusal(1, targets.drawnIds().get(0))), List.of());
        assignment = InspectorDraw.draw(inspectorInputs);
    }

    @Test
    void anUntouchedDrawVerifies() {
        assertThat(DrawVerifier.verify(DrawAlgorithm.CURRENT, targetInputs, targets, inspectorInputs, assignment))
                .isEqualTo(new Verification(true, List.of()));
    }

    @Test
    void aSwappedTargetIsCaught() {
        StratumDraw a = targets.strata().get(0);
        List<Long> forged = new ArrayList<>(a.drawnIds());
        forged.set(0, forged.get(0) == 40L ? 39L : 40L);
        TargetDrawResult tampered = new TargetDrawResult(targets.candidateDigest(), targets.candidateCount(),
                List.of(new StratumDraw("A", a.ratio(), a.candidateCount(), forged), targets.strata().get(1)));

        Verification verification = DrawVerifier.verifyTargets(DrawAlgorithm.CURRENT, targetInputs, tampered);

        assertThat(verification.valid()).isFalse();
        assertThat(verification.problems()).singleElement().asString().startsWith("抽取检查对象结果第 1 行不一致：记录为 stratum|A|");
    }

    @Test
    void changedCandidatesAreCaughtByTheirDigest() {
        List<Candidate> edited = new ArrayList<>(candidates);
        edited.set(5, new Candidate(6, "A", Candidate.REDUCED_WEIGHT));

        Verification verification = DrawVerifier.verifyTargets(DrawAlgorithm.CURRENT, new TargetDrawRequest(seed(31), edited, ratios), targets);

        assertThat(verification.valid()).isFalse();
        assertThat(verification.problems().get(0)).startsWith("候选名单摘要不一致");
    }

    @Test
    void aChangedInspectorOrAnotherSeedIsCaught() {
        List<TargetInspectors> forged = new ArrayList<>(assignment.targets());
        TargetInspectors first = forged.get(0);
        forged.set(0, new TargetInspectors(first.targetId(), List.of(first.inspectorIds().get(0), 1L)));

        assertThat(DrawVerifier.verifyInspectors(inspectorInputs, new InspectorAssignment(forged)).problems())
                .singleElement().asString().contains("抽取执法人员结果第 1 行不一致");
        InspectorDrawRequest otherSeed = new InspectorDrawRequest(seed(32), targets.drawnIds(), 2,
                inspectorInputs.inspectors(), inspectorInputs.recusals(), List.of());
        assertThat(DrawVerifier.verify(DrawAlgorithm.CURRENT, targetInputs, targets, otherSeed, assignment).problems())
                .contains("抽取检查对象与抽取执法人员使用的随机种子不同");
    }

    @Test
    void inputsThatCannotBeDrawnAreReportedNotThrown() {
        InspectorDrawRequest impossible = new InspectorDrawRequest(seed(31), targets.drawnIds(), 2,
                inspectors("运输管理科", 1, 1), Set.of(), List.of());

        assertThat(DrawVerifier.verifyInspectors(impossible, assignment).problems())
                .singleElement().asString().startsWith("按记录的输入无法重新抽取：无法完成执法人员抽取");
    }

    @Test
    void aReplacementVerifiesAndAForgedOneDoesNot() {
        long target = assignment.targets().get(2).targetId();
        long old = assignment.inspectorsOf(target).get(0);
        ReplacementOutcome outcome = InspectorReplacement.replace(inspectorInputs, assignment, 1, target, old, "请假");

        assertThat(DrawVerifier.verifyReplacement(inspectorInputs, assignment, outcome.replacement(),
                outcome.assignment()).valid()).isTrue();

        long other = inspectorInputs.inspectors().stream().map(Inspector::id)
                .filter(id -> id != outcome.replacement().newInspectorId() && !assignment.inspectorsOf(target).contains(id))
                .findFirst().orElseThrow();
        Replacement forged = new Replacement(1, target, old, other, "请假");
        Verification verification = DrawVerifier.verifyReplacement(inspectorInputs, assignment, forged,
                assignment.withReplaced(target, old, other));
        assertThat(verification.valid()).isFalse();
        assertThat(verification.problems().get(0)).startsWith("第 1 次更换不一致");
    }

    @Test
    void theRecordDigestsFormAChainThatBreaksWhenAnyRecordChanges() {
        DrawRecordContent first = DrawRecordContent.ofDraw(DrawAlgorithm.CURRENT, seed(31), targets, inspectorInputs, assignment,
                DrawRecordContent.GENESIS);
        long target = assignment.targets().get(0).targetId();
        ReplacementOutcome outcome = InspectorReplacement.replace(inspectorInputs, assignment, 1, target,
                assignment.inspectorsOf(target).get(1), "当事人申请回避");
        DrawRecordContent second = DrawRecordContent.ofReplacement(DrawAlgorithm.CURRENT, inspectorInputs, targets.candidateDigest(),
                outcome.replacement(), first.digest());

        assertThat(first.canonicalText()).startsWith("algorithm=SHA256-TICKET-STREAM\nversion=2\nseed=" + seed(31).hex()
                + "\ncandidateDigest=" + targets.candidateDigest() + "\nstratum|A|0.2|40|8|")
                .contains("\ninspectorInputs|" + InspectorDraw.inputDigest(inspectorInputs) + "\nassign|")
                .endsWith("\npreviousDigest=" + DrawRecordContent.GENESIS + "\n");
        assertThat(first.digest()).matches("[0-9a-f]{64}");
        assertThat(DrawVerifier.verifyChain(List.of(first, second), List.of(first.digest(), second.digest())).valid())
                .isTrue();

        DrawRecordContent rewritten = new DrawRecordContent(first.algorithm(), first.version(), first.seedHex(),
                first.candidateDigest(), first.resultLines().subList(1, first.resultLines().size()),
                first.previousDigest());
        Verification broken = DrawVerifier.verifyChain(List.of(rewritten, second),
                List.of(first.digest(), second.digest()));
        assertThat(broken.valid()).isFalse();
        assertThat(broken.problems()).singleElement().asString().startsWith("第 1 条记录的摘要不符");

        Verification unlinked = DrawVerifier.verifyChain(List.of(second), List.of(second.digest()));
        assertThat(unlinked.problems()).singleElement().asString().startsWith("第 1 条记录的上一条摘要为 " + first.digest());
    }

    @Test
    void recordContentRefusesTextThatWouldMakeItAmbiguous() {
        assertThatThrownBy(() -> new DrawRecordContent("X", 1, seed(1).hex(), DrawRecordContent.GENESIS,
                List.of("a\nb"), DrawRecordContent.GENESIS)).hasMessageContaining("不能包含换行");
        assertThatThrownBy(() -> new DrawRecordContent("X", 1, seed(1).hex(), "abc", List.of(),
                DrawRecordContent.GENESIS)).hasMessageContaining("候选名单摘要须为 64 位小写十六进制字符");
    }
}
