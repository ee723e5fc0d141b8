package cn.spotcheck.draw.algorithm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Draws the targets (抽取检查对象): per stratum, {@code ceil(ratio × candidates)} of them by the keyed sort of
 * {@link StratumSelection}. Pure function of the request.
 */
public final class TargetDraw {

    /** The ratio that draws a whole stratum (两客一危 and KEY items are covered 100 %). */
    public static final BigDecimal ALL = BigDecimal.ONE;

    private TargetDraw() {
    }

    public static TargetDrawResult draw(TargetDrawRequest request) {
        CanonicalCandidates candidates = CanonicalCandidates.of(request.candidates());
        for (var stratum : candidates.byStratum().entrySet()) {
            if (!request.ratios().containsKey(stratum.getKey())) {
                throw new InvalidDrawInputException("分层“" + stratum.getKey() + "”有 " + stratum.getValue().size()
                        + " 个候选检查对象，但没有配置抽取比例");
            }
        }
        SortedSet<String> strata = new TreeSet<>(Codes.ORDER);
        strata.addAll(request.ratios().keySet());
        List<StratumDraw> draws = new ArrayList<>();
        for (String stratum : strata) {
            BigDecimal ratio = request.ratios().get(stratum);
            List<Candidate> members = candidates.stratum(stratum);
            int count = drawCount(ratio, members.size());
            draws.add(new StratumDraw(stratum, ratio, members.size(),
                    StratumSelection.select(request.seed(), stratum, members, count)));
        }
        return new TargetDrawResult(candidates.digest(), candidates.size(), draws);
    }

    /**
     * How many of {@code candidates} a ratio draws: {@code ceil(ratio × candidates)}, in exact decimal arithmetic
     * (3 % of 101 is 3.03, so 4; a double could turn 0.07 × 100 into 7.000000000000001 and draw 8).
     */
    public static int drawCount(BigDecimal ratio, int candidates) {
        if (ratio.signum() < 0 || ratio.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidDrawInputException("抽取比例 " + ratio.toPlainString() + " 无效：须在 0 到 1 之间");
        }
        return ratio.multiply(BigDecimal.valueOf(candidates)).setScale(0, RoundingMode.CEILING).intValueExact();
    }

    /** SHA-256 hex of the canonical candidate list (lines {@code <id>|<stratum>|<weight>\n}, see the doc). */
    public static String candidateDigest(List<Candidate> candidates) {
        return CanonicalCandidates.of(candidates).digest();
    }
}
