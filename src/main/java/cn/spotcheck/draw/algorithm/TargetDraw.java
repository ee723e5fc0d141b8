package cn.spotcheck.draw.algorithm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Draws the targets (抽取检查对象): per stratum, {@code ceil(ratio × candidates)} of them, by the ticket stream of
 * {@link TicketStream} (version 2) or, re-checking an older record, the keyed sort of {@link StratumSelection}
 * (version 1). Pure function of the request and the algorithm.
 */
public final class TargetDraw {

    /** The ratio that draws a whole stratum (两客一危 and KEY items are covered 100 %). */
    public static final BigDecimal ALL = BigDecimal.ONE;

    private TargetDraw() {
    }

    /** A new draw, with {@link DrawAlgorithm#CURRENT}. */
    public static TargetDrawResult draw(TargetDrawRequest request) {
        return draw(request, DrawAlgorithm.CURRENT);
    }

    /** The draw as {@code algorithm} makes it: a record is re-checked with the algorithm it names. */
    public static TargetDrawResult draw(TargetDrawRequest request, DrawAlgorithm algorithm) {
        CandidateList candidates = request.candidates();
        for (String stratum : candidates.strata()) {
            if (!request.ratios().containsKey(stratum)) {
                throw new InvalidDrawInputException("分层“" + stratum + "”有 " + candidates.count(stratum)
                        + " 个候选检查对象，但没有配置抽取比例");
            }
        }
        SortedSet<String> strata = new TreeSet<>(Codes.ORDER);
        strata.addAll(request.ratios().keySet());
        List<StratumDraw> draws = new ArrayList<>();
        for (String stratum : strata) {
            BigDecimal ratio = request.ratios().get(stratum);
            int size = candidates.count(stratum);
            int count = drawCount(ratio, size);
            List<Long> drawn = algorithm == DrawAlgorithm.KEYED_SORT
                    ? StratumSelection.select(request.seed(), stratum, candidates.stratum(stratum), count)
                    : TicketStream.select(request.seed(), stratum, candidates.members(stratum), count);
            draws.add(new StratumDraw(stratum, ratio, size, drawn));
        }
        return new TargetDrawResult(candidates.digest(algorithm), candidates.size(), draws);
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

    /** The candidate digest of a list under {@code algorithm} (§3 of the algorithm doc). */
    public static String candidateDigest(List<Candidate> candidates, DrawAlgorithm algorithm) {
        return CandidateList.of(candidates).digest(algorithm);
    }
}
