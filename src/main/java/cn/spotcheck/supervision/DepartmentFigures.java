package cn.spotcheck.supervision;

import cn.spotcheck.inspection.InspectionFigures;

/**
 * A department's year in figures (one row of {@code GET /api/supervision/statistics}): its published tasks, the
 * targets in their scopes when drawn ({@code inScope}), the targets drawn (one dispatched inspection each) and the
 * share of the scope that is ({@code drawnRate}), inspected, published, published within the deadline, results that
 * are findings, follow-ups still open and closed, handovers and referrals acknowledged; and the rates the supervision
 * group reads them by.
 */
public record DepartmentFigures(String department, long tasks, long inScope, long drawn, double drawnRate, long inspected,
                                long published, long publishedOnTime, long withFindings, long followUpsOpen, long followUpsClosed,
                                long handoversAcknowledged, double inspectedRate, double publishedOnTimeRate, double discoveryRate) {

    static DepartmentFigures of(String department, long tasks, long inScope, InspectionFigures.Counts counts) {
        return new DepartmentFigures(department, tasks, inScope, counts.dispatched(), rate(counts.dispatched(), inScope), counts.inspected(),
                counts.published(), counts.publishedOnTime(), counts.withFindings(), counts.followUpsOpen(), counts.followUpsClosed(),
                counts.handoversAcknowledged(), rate(counts.inspected(), counts.dispatched()),
                rate(counts.publishedOnTime(), counts.published()), rate(counts.withFindings(), counts.inspected()));
    }

    /** The same figures under another label (the year before's total beside this year's). */
    DepartmentFigures labelled(String label) {
        return new DepartmentFigures(label, tasks, inScope, drawn, drawnRate, inspected, published, publishedOnTime, withFindings,
                followUpsOpen, followUpsClosed, handoversAcknowledged, inspectedRate, publishedOnTimeRate, discoveryRate);
    }

    /** A share to four places, 0 when there is nothing to divide by. */
    private static double rate(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
