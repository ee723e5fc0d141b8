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
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    DepartmentAssessment(SupervisionStatistics statistics, AnnualPlans plans, SupervisionNotices notices, AssessmentWeights weights,
                         org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.statistics = statistics;
        this.plans = plans;
        this.notices = notices;
        this.weights = weights;
    }

    /** Keeps the scores as they stand for {@code quarter}; recording a quarter again replaces it. */
    void record(int year, int quarter, List<DepartmentScore> scores) {
        java.sql.Timestamp now = java.sql.Timestamp.from(BureauTime.now());
        for (DepartmentScore score : scores) {
            jdbc.update("insert into spotcheck.assessment_history (year, quarter, department, score, out_of, recorded_at) values (?,?,?,?,?,?) "
                            + "on conflict (year, quarter, department) do update set score = excluded.score, out_of = excluded.out_of, "
                            + "recorded_at = excluded.recorded_at", year, quarter, score.department(), score.score(), score.outOf(), now);
        }
    }

    /** Per department, its score by quarter as recorded (a quarter without a report is absent). */
    Map<String, Map<Integer, Double>> history(int year) {
        Map<String, Map<Integer, Double>> history = new java.util.TreeMap<>();
        jdbc.query("select department, quarter, score from spotcheck.assessment_history where year = ? order by department, quarter", rs -> {
            history.computeIfAbsent(rs.getString(1), d -> new java.util.TreeMap<>()).put(rs.getInt(2), rs.getDouble(3));
        }, year);
        return history;
    }

    List<DepartmentScore> of(int year) {
        return of(year, statistics.departments(year).departments());
    }

    /** The scores of {@code departments}, the year's figures already counted (a report counts them once for both). */
    List<DepartmentScore> of(int year, List<DepartmentFigures> departments) {
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
        return departments.stream().map(figures -> {
            long[] p = planCounts.getOrDefault(figures.department(), new long[2]);
            long[] n = noticeCounts.getOrDefault(figures.department(), new long[2]);
            return DepartmentScore.of(figures, new DepartmentScore.Counts(p[0], p[1], n[0], n[1]), weights);
        }).sorted((a, b) -> Double.compare(b.score(), a.score())).toList();
    }
}
