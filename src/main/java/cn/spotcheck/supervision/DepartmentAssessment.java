package cn.spotcheck.supervision;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.plan.AnnualPlans;
import cn.spotcheck.plan.PlanDeadlines;
import cn.spotcheck.plan.PlanView;

/** 绩效考核 of the departments for a year, from the same figures as the statistics, the plans and the 督查通报. */
@Service
class DepartmentAssessment {

    private final SupervisionStatistics statistics;
    private final AnnualPlans plans;
    private final SupervisionNotices notices;
    private final AssessmentWeights weights;

    DepartmentAssessment(SupervisionStatistics statistics, AnnualPlans plans, SupervisionNotices notices, AssessmentWeights weights) {
        this.statistics = statistics;
        this.plans = plans;
        this.notices = notices;
        this.weights = weights;
    }

    List<DepartmentScore> of(int year) {
        Map<String, long[]> planCounts = new HashMap<>();
        Instant due = BureauTime.endOf(PlanDeadlines.approvalDay(year)).toInstant();
        for (PlanView plan : plans.all()) {
            List<PlanView> versions = plan.year() == year ? plans.publishedVersions(plan.id()) : List.of();
            if (!versions.isEmpty()) {
                // The first publication decides: an adjustment published later does not make the plan late.
                Instant first = versions.get(versions.size() - 1).publishedAt();
                long[] counts = planCounts.computeIfAbsent(plan.department(), d -> new long[2]);
                counts[0]++;
                counts[1] += first != null && !first.isAfter(due) ? 1 : 0;
            }
        }
        Map<String, long[]> noticeCounts = notices.countsByDepartment(year);
        return statistics.departments(year).rows().stream().map(figures -> {
            long[] p = planCounts.getOrDefault(figures.department(), new long[2]);
            long[] n = noticeCounts.getOrDefault(figures.department(), new long[2]);
            return DepartmentScore.of(figures, new DepartmentScore.Counts(p[0], p[1], n[0], n[1]), weights);
        }).sorted((a, b) -> Double.compare(b.score(), a.score())).toList();
    }
}
