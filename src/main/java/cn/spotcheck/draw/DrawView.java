package cn.spotcheck.draw;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A draw record as published: its inputs' fingerprints, the result per stratum and per target, and its place in the chain. */
public record DrawView(long id, long taskId, String status, String seed, String algorithm, int algorithmVersion,
                       int candidateCount, String candidateDigest, List<Stratum> strata, List<DrawnTarget> targets,
                       List<ReplacementView> replacements, String previousDigest, String digest, Instant drawnAt,
                       String drawnBy, String confirmedBy, Instant publishedAt) {

    /** 信用分层: how many candidates a credit level had, its rate and how many were drawn. */
    public record Stratum(String stratum, BigDecimal ratio, int candidates, int drawn) {
    }

    public record DrawnTarget(long targetId, String uscc, String name, List<String> inspectorStaffNos) {
    }

    public record ReplacementView(int sequence, long targetId, String replacedStaffNo, String newStaffNo, String reason,
                                  String requestedBy, Instant requestedAt, String digest) {
    }
}
