package cn.spotcheck.draw.algorithm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Re-runs a draw from its recorded inputs and compares with the recorded result (GET /api/draws/{id}/verify).
 * Pure: the caller loads what was recorded; nothing here trusts the recorded result, only the inputs.
 */
public final class DrawVerifier {

    private static final int PROBLEMS_LISTED = 5;
    private static final int LINE_SHOWN = 120;

    private DrawVerifier() {
    }

    /** The whole draw: targets, then inspectors for exactly the drawn targets in draw order, same seed. */
    public static Verification verify(DrawAlgorithm algorithm, TargetDrawRequest targetInputs, TargetDrawResult targets,
            InspectorDrawRequest inspectorInputs, InspectorAssignment assignment) {
        List<String> problems = new ArrayList<>();
        if (!targetInputs.seed().equals(inspectorInputs.seed())) {
            problems.add("抽取检查对象与抽取执法人员使用的随机种子不同");
        }
        if (!inspectorInputs.targetIds().equals(targets.drawnIds())) {
            problems.add("抽取执法人员所用的检查对象名单与抽中的检查对象（及其顺序）不一致");
        }
        return Verification.of(problems).and(verifyTargets(algorithm, targetInputs, targets))
                .and(verifyInspectors(inspectorInputs, assignment));
    }

    /** The target draw, redone with the algorithm the record names. */
    public static Verification verifyTargets(DrawAlgorithm algorithm, TargetDrawRequest inputs, TargetDrawResult recorded) {
        List<String> problems = new ArrayList<>();
        TargetDrawResult recomputed = recompute(() -> TargetDraw.draw(inputs, algorithm), problems);
        if (recomputed != null) {
            if (!recomputed.candidateDigest().equals(recorded.candidateDigest())) {
                problems.add("候选名单摘要不一致：记录为 " + recorded.candidateDigest() + "，按记录的候选名单计算为 "
                        + recomputed.candidateDigest());
            }
            if (recomputed.candidateCount() != recorded.candidateCount()) {
                problems.add("候选检查对象数量不一致：记录为 " + recorded.candidateCount() + "，实际为 "
                        + recomputed.candidateCount());
            }
            compareLines("抽取检查对象结果", recorded.canonicalLines(), recomputed.canonicalLines(), problems);
        }
        return Verification.of(problems);
    }

    public static Verification verifyInspectors(InspectorDrawRequest inputs, InspectorAssignment recorded) {
        List<String> problems = new ArrayList<>();
        InspectorAssignment recomputed = recompute(() -> InspectorDraw.draw(inputs), problems);
        if (recomputed != null) {
            compareLines("抽取执法人员结果", recorded.canonicalLines(), recomputed.canonicalLines(), problems);
        }
        return Verification.of(problems);
    }

    /** One replacement: from {@code before}, redoing {@code recorded} must give its new inspector and {@code after}. */
    public static Verification verifyReplacement(InspectorDrawRequest inputs, InspectorAssignment before,
            Replacement recorded, InspectorAssignment after) {
        List<String> problems = new ArrayList<>();
        ReplacementOutcome recomputed = recompute(() -> InspectorReplacement.replace(inputs, before,
                recorded.sequence(), recorded.targetId(), recorded.replacedInspectorId(), recorded.reason()), problems);
        if (recomputed != null) {
            if (!recomputed.replacement().equals(recorded)) {
                problems.add("第 " + recorded.sequence() + " 次更换不一致：记录为 " + recorded.canonicalLine()
                        + "，重新计算为 " + recomputed.replacement().canonicalLine());
            }
            compareLines("更换后的执法人员分配", after.canonicalLines(), recomputed.assignment().canonicalLines(),
                    problems);
        }
        return Verification.of(problems);
    }

    /**
     * A chain of records, oldest first, from the first record ever: each digest must match its content and each
     * record must name the digest of the one before it ({@link DrawRecordContent#GENESIS} for the first).
     */
    public static Verification verifyChain(List<DrawRecordContent> records, List<String> recordedDigests) {
        List<String> problems = new ArrayList<>();
        if (records.size() != recordedDigests.size()) {
            problems.add("记录数（" + records.size() + "）与摘要数（" + recordedDigests.size() + "）不一致");
            return Verification.of(problems);
        }
        String previous = DrawRecordContent.GENESIS;
        for (int i = 0; i < records.size(); i++) {
            DrawRecordContent record = records.get(i);
            if (!record.previousDigest().equals(previous)) {
                problems.add("第 " + (i + 1) + " 条记录的上一条摘要为 " + record.previousDigest() + "，应为 " + previous);
            }
            String digest = record.digest();
            if (!digest.equals(recordedDigests.get(i))) {
                problems.add("第 " + (i + 1) + " 条记录的摘要不符：记录为 " + recordedDigests.get(i) + "，按内容计算为 " + digest);
            }
            previous = recordedDigests.get(i);
        }
        return Verification.of(problems);
    }

    private static <T> T recompute(Supplier<T> draw, List<String> problems) {
        try {
            return draw.get();
        } catch (InvalidDrawInputException | DrawImpossibleException e) {
            problems.add("按记录的输入无法重新抽取：" + e.getMessage());
            return null;
        }
    }

    private static void compareLines(String what, List<String> recorded, List<String> recomputed,
            List<String> problems) {
        if (recorded.size() != recomputed.size()) {
            problems.add(what + "行数不一致：记录为 " + recorded.size() + " 行，重新计算为 " + recomputed.size() + " 行");
        }
        int listed = 0;
        for (int i = 0; i < Math.min(recorded.size(), recomputed.size()) && listed < PROBLEMS_LISTED; i++) {
            if (!recorded.get(i).equals(recomputed.get(i))) {
                problems.add(what + "第 " + (i + 1) + " 行不一致：记录为 " + shorten(recorded.get(i)) + "，重新计算为 "
                        + shorten(recomputed.get(i)));
                listed++;
            }
        }
    }

    private static String shorten(String line) {
        return line.length() <= LINE_SHOWN ? line : line.substring(0, LINE_SHOWN) + "…";
    }
}
