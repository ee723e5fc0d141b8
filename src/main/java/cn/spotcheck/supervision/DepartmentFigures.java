package cn.spotcheck.supervision;

import cn.spotcheck.inspection.InspectionFigures;

/**
 * A department's year in figures (one row of {@code GET /api/supervision/statistics}): its published tasks, the
 * targets drawn for them (one dispatched inspection each), inspected, published, published within the deadline,
 * results that are findings, follow-ups still open; and the rates the supervision group reads them by.
 */
public record DepartmentFigures(String department, long tasks, long drawn, long inspected, long published, long publishedOnTime,
                                long withFindings, long followUpsOpen, double inspectedRate, double publishedOnTimeRate,
                                double discoveryRate) {

    static DepartmentFigures of(String department, long tasks, InspectionFigures.Counts counts) {
        return new DepartmentFigures(department, tasks, counts.dispatched(), counts.inspected(), counts.published(),
                counts.publishedOnTime(), counts.withFindings(), counts.followUpsOpen(), rate(counts.inspected(), counts.dispatched()),
                rate(counts.publishedOnTime(), counts.published()), rate(counts.withFindings(), counts.inspected()));
    }

    /** The same figures under another label (the year before's total beside this year's). */
    DepartmentFigures labelled(String label) {
        return new DepartmentFigures(label, tasks, drawn, inspected, published, publishedOnTime, withFindings, followUpsOpen,
                inspectedRate, publishedOnTimeRate, discoveryRate);
    }

    /** A share to four places, 0 when there is nothing to divide by. */
    private static double rate(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
