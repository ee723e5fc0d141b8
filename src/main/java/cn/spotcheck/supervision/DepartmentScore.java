package cn.spotcheck.supervision;

import java.util.List;

/**
 * A department's 绩效考核 for a year, explainable part by part: for each part what was achieved (a share, or "无" when
 * there was nothing to measure, which counts as met), the points it earned of its weight, and the sum.
 */
record DepartmentScore(String department, List<Part> parts, double score, int outOf) {

    /** One part: its name, what was measured (e.g. "46 / 49"), the share achieved and the points earned of its weight. */
    record Part(String name, String measured, double share, int weight, double points) {
    }

    /** The inputs besides the statistics: plans published by 31 March, and 督查通报 answered. */
    record Counts(long plans, long plansOnTime, long notices, long noticesAnswered) {
    }

    static DepartmentScore of(DepartmentFigures figures, Counts counts, AssessmentWeights weights) {
        List<Part> parts = List.of(
                part("计划按时批准", counts.plansOnTime(), counts.plans(), weights.planOnTime()),
                part("检查完成", figures.inspected(), figures.drawn(), weights.inspected()),
                part("按时公示", figures.publishedOnTime(), figures.published(), weights.publishedOnTime()),
                part("问题处置办结", figures.withFindings() - figures.followUpsOpen(), figures.withFindings(), weights.followUpsClosed()),
                part("督查通报答复", counts.noticesAnswered(), counts.notices(), weights.noticesAnswered()));
        double score = Math.round(parts.stream().mapToDouble(Part::points).sum() * 10) / 10.0;
        return new DepartmentScore(figures.department(), parts, score, weights.total());
    }

    private static Part part(String name, long achieved, long of, int weight) {
        double share = of == 0 ? 1.0 : Math.max(0, (double) achieved) / of;
        return new Part(name, of == 0 ? "无" : achieved + " / " + of, share, weight, Math.round(share * weight * 10) / 10.0);
    }
}
