package cn.spotcheck.draw.algorithm;

import java.util.ArrayList;
import java.util.List;

/**
 * The target draw: the digest of the canonical candidate list it was drawn from, and one {@link StratumDraw} per
 * stratum in canonical stratum order.
 */
public record TargetDrawResult(String candidateDigest, int candidateCount, List<StratumDraw> strata) {

    public TargetDrawResult {
        strata = List.copyOf(strata);
    }

    /** All drawn target ids: stratum by stratum (canonical order), each in key order. */
    public List<Long> drawnIds() {
        List<Long> ids = new ArrayList<>();
        for (StratumDraw stratum : strata) {
            ids.addAll(stratum.drawnIds());
        }
        return List.copyOf(ids);
    }

    public int drawnCount() {
        return strata.stream().mapToInt(StratumDraw::drawnCount).sum();
    }

    /** One {@link StratumDraw#canonicalLine()} per stratum; these lines go into the record digest. */
    public List<String> canonicalLines() {
        return strata.stream().map(StratumDraw::canonicalLine).toList();
    }
}
