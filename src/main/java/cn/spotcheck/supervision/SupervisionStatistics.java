package cn.spotcheck.supervision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.followup.FollowUps;
import cn.spotcheck.inspection.InspectionFigures;
import cn.spotcheck.plan.AnnualPlans;
import cn.spotcheck.plan.PlanView;
import cn.spotcheck.plan.TaskView;

/**
 * The year's figures per department, for the statistics page and API. A task counts for its lead department (the
 * first it names, else its plan's), so that the departments add up to the bureau. Counted from the records each
 * module keeps, through their own interfaces.
 */
@Service
public class SupervisionStatistics {

    /** The year per department (by name), the bureau's total, and each officer's share. */
    public record Year(int year, List<DepartmentFigures> departments, DepartmentFigures total,
                       List<InspectionFigures.OfficerCounts> officers) {
    }

    private final AnnualPlans plans;
    private final InspectionFigures inspections;
    private final FollowUps followUps;

    SupervisionStatistics(AnnualPlans plans, InspectionFigures inspections, FollowUps followUps) {
        this.plans = plans;
        this.inspections = inspections;
        this.followUps = followUps;
    }

    public Year of(int year) {
        Map<Long, String> departmentOfTask = new HashMap<>();
        for (PlanView plan : plans.all()) {
            if (plan.year() == year) {
                plan.tasks().stream().filter(TaskView::published)
                        .forEach(t -> departmentOfTask.put(t.id(), t.departments().isEmpty() ? plan.department() : t.departments().get(0)));
            }
        }
        Map<Long, InspectionFigures.Counts> byTask = inspections.byTask(departmentOfTask.keySet());
        Map<String, Long> openFollowUps = new HashMap<>();
        List<String> open = followUps.open().stream().map(FollowUps.FollowUpView::inspectionCode).toList();
        inspections.tasksOf(open).values().stream().filter(departmentOfTask::containsKey)
                .forEach(task -> openFollowUps.merge(departmentOfTask.get(task), 1L, Long::sum));

        Map<String, Long> tasks = new TreeMap<>();
        Map<String, InspectionFigures.Counts> counts = new HashMap<>();
        departmentOfTask.forEach((task, department) -> {
            tasks.merge(department, 1L, Long::sum);
            counts.merge(department, byTask.getOrDefault(task, InspectionFigures.Counts.NONE), InspectionFigures.Counts::plus);
        });
        List<DepartmentFigures> rows = new ArrayList<>();
        tasks.forEach((department, n) -> rows.add(DepartmentFigures.of(department, n, counts.get(department), openFollowUps.getOrDefault(department, 0L))));
        DepartmentFigures total = rows.stream().reduce(DepartmentFigures.of("合计", 0, InspectionFigures.Counts.NONE, 0),
                (a, b) -> a.plus(b, "合计"));
        return new Year(year, rows, total, inspections.byOfficer(departmentOfTask.keySet(), BureauTime.today()));
    }

    /** The years that have plans, newest first. */
    public List<Integer> years() {
        return plans.all().stream().map(PlanView::year).distinct().sorted((a, b) -> b - a).toList();
    }
}
