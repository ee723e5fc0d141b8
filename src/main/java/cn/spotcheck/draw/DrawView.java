package cn.spotcheck.draw;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A draw record as published: its inputs' fingerprints, the result per stratum and per target, and its place in the
 * chain. {@code taskId} is the task whose process made the draw; {@code tasks} are all the tasks it covers — one,
 * or every member of a joint group (联合抽查组 {@code jointGroup}, null otherwise), described in {@code jointNote}.
 */
public record DrawView(long id, long taskId, String jointGroup, List<CoveredTask> tasks, String jointNote, String status,
                       String seed, String algorithm, int algorithmVersion,
                       int candidateCount, String candidateDigest, List<Stratum> strata, List<DrawnTarget> targets,
                       List<ReplacementView> replacements, String previousDigest, String digest, Instant drawnAt,
                       String drawnBy, String confirmedBy, Instant publishedAt) {

    /** 信用分层: how many candidates a credit level (in a joint draw: a level and its member tasks) had, its rate and how many were drawn. */
    public record Stratum(String stratum, BigDecimal ratio, int candidates, int drawn) {
    }

    /** A drawn target, its inspectors and the items to check there (in a joint draw: of every task whose scope holds it). */
    public record DrawnTarget(long targetId, String uscc, String name, List<String> inspectorStaffNos, List<String> itemCodes) {
    }

    /** A task the draw covers. */
    public record CoveredTask(long id, String name, List<String> itemCodes, List<String> departments) {
    }

    public record ReplacementView(int sequence, long targetId, String replacedStaffNo, String newStaffNo, String reason,
                                  String requestedBy, Instant requestedAt, String digest) {
    }
}
