package cn.spotcheck.draw.algorithm;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything the target draw depends on. {@code ratios} maps each stratum to its sampling ratio, an exact decimal
 * in [0, 1] taken from configuration; {@link TargetDraw#ALL} (= 1) draws the whole stratum (两客一危, KEY items).
 * Every stratum that has candidates needs a ratio; a ratio for a stratum without candidates is allowed (it draws
 * nothing and still appears in the result). The order of {@code candidates} does not matter.
 */
public record TargetDrawRequest(DrawSeed seed, CandidateList candidates, Map<String, BigDecimal> ratios) {

    public TargetDrawRequest {
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(candidates, "candidates");
        SortedMap<String, BigDecimal> sorted = new TreeMap<>(Codes.ORDER);
        ratios.forEach((stratum, ratio) -> {
            Codes.require(stratum, "分层（信用等级）");
            if (ratio == null || ratio.signum() < 0 || ratio.compareTo(BigDecimal.ONE) > 0) {
                throw new InvalidDrawInputException("分层“" + stratum + "”的抽取比例 "
                        + (ratio == null ? "空" : ratio.toPlainString()) + " 无效：须在 0 到 1 之间（1 表示全部抽取）");
            }
            sorted.put(stratum, ratio.stripTrailingZeros());
        });
        ratios = Collections.unmodifiableSortedMap(sorted);
    }

    /** The same from a list of candidates in any order (small draws and tests). */
    public TargetDrawRequest(DrawSeed seed, List<Candidate> candidates, Map<String, BigDecimal> ratios) {
        this(seed, CandidateList.of(candidates), ratios);
    }
}
