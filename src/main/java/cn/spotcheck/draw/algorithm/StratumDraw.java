package cn.spotcheck.draw.algorithm;

import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome in one stratum: how many candidates it had, at which ratio, and the ids drawn, in key order (the
 * order the inspectors are then assigned in). The ratio is kept without trailing zeros so that 0.030 and 0.03
 * are the same record.
 */
public record StratumDraw(String stratum, BigDecimal ratio, int candidateCount, List<Long> drawnIds) {

    public StratumDraw {
        ratio = ratio.stripTrailingZeros();
        drawnIds = List.copyOf(drawnIds);
    }

    public int drawnCount() {
        return drawnIds.size();
    }

    /** {@code stratum|<stratum>|<ratio>|<candidateCount>|<drawnCount>|<id>,<id>,...} (see the algorithm doc). */
    public String canonicalLine() {
        StringBuilder line = new StringBuilder(32 + drawnIds.size() * 8);
        line.append("stratum|").append(stratum).append('|').append(ratio.toPlainString()).append('|')
                .append(candidateCount).append('|').append(drawnIds.size()).append('|');
        for (int i = 0; i < drawnIds.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(drawnIds.get(i));
        }
        return line.toString();
    }
}
