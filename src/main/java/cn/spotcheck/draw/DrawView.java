package cn.spotcheck.draw;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A draw record as published: its inputs' fingerprints, the result per stratum and per target, and its place in the
 * chain. {@code taskId} is the task whose process made the draw; {@code tasks} are all the tasks it covers — one,
 * or every member of a joint group (联合抽查组 {@code jointGroup}, null otherwise), described in {@code note} (which also says when a 定向抽查 named its targets).
 */
public record DrawView(long id, long taskId, String jointGroup, List<CoveredTask> tasks, String note, String status,
                       String seed, String algorithm, int algorithmVersion,
                       int candidateCount, String candidateDigest, List<Stratum> strata, List<DrawnTarget> targets,
                       List<ReplacementView> replacements, String previousDigest, String digest, Instant drawnAt,
                       String drawnBy, String confirmedBy, Instant publishedAt) {

    /**
     * 信用分层: how many candidates a credit level (in a joint draw: a level and its member tasks) had, its rate, how
     * many were drawn, and by which rule ({@link #ruleOf}).
     */
    public record Stratum(String stratum, BigDecimal ratio, int candidates, int drawn, String rule) {
    }

    /**
     * A drawn target, its inspectors, the items to check there (in a joint draw: of every task whose scope holds it)
     * and the rule that took it.
     */
    public record DrawnTarget(long targetId, String uscc, String name, List<String> inspectorStaffNos, List<String> itemCodes,
                              String rule) {
    }

    /** Which rule a stratum's targets were taken by, as the public reads it. */
    static String ruleOf(String stratum, BigDecimal ratio) {
        if (TargetDraws.TARGETED.equals(stratum)) {
            return "定向抽查（指定对象，非随机抽取）";
        }
        if (stratum.endsWith(DrawSettings.MINIMUM_FREQUENCY)) {
            return "最低抽查频次（该信用等级超过规定期限未被检查，全部抽取）";
        }
        return ratio.compareTo(BigDecimal.ONE) >= 0 ? "全部检查" : "随机抽取";
    }

    /** A task the draw covers. */
    public record CoveredTask(long id, String name, List<String> itemCodes, List<String> departments) {
    }

    public record ReplacementView(int sequence, long targetId, String replacedStaffNo, String newStaffNo, String reason,
                                  String requestedBy, Instant requestedAt, String digest) {
    }
}
