package cn.spotcheck.supervision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

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
                       List<InspectionFigures.OfficerCounts> officers, List<InspectionFigures.LevelCounts> creditLevels,
                       List<InspectionFigures.ItemCounts> items, Map<String, Long> resultCategories) {
    }

    private final AnnualPlans plans;
    private final InspectionFigures inspections;
    private final FollowUps followUps;
    private final Executor concurrent;

    SupervisionStatistics(AnnualPlans plans, InspectionFigures inspections, FollowUps followUps) {
        this.plans = plans;
        this.inspections = inspections;
        this.followUps = followUps;
        this.concurrent = Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "statistics");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The departments' figures and the total (the API, the year before on the page). */
    public Departments departments(int year) {
        Map<Long, String> departmentOfTask = tasksOf(year);
        return departments(departmentOfTask, inspections.byTask(departmentOfTask.keySet()));
    }

    /**
     * Everything the page shows. The officers' share is counted on a second connection while the departments' and
     * levels' figures are read, so the page waits for the longer of the two, not their sum.
     */
    public Year of(int year) {
        Map<Long, String> departmentOfTask = tasksOf(year);
        CompletableFuture<List<InspectionFigures.OfficerCounts>> officers = CompletableFuture.supplyAsync(
                () -> inspections.byOfficer(departmentOfTask.keySet(), BureauTime.today()), concurrent);
        InspectionFigures.Summary summary = inspections.summary(departmentOfTask.keySet());
        Departments departments = departments(departmentOfTask, summary.byTask());
        return new Year(year, departments.rows(), departments.total(), officers.join(), summary.byCreditLevel(),
                inspections.byItem(departmentOfTask.keySet()), inspections.byResultCategory(departmentOfTask.keySet()));
    }

    /** The rows per department by name, and their total. */
    public record Departments(List<DepartmentFigures> rows, DepartmentFigures total) {
    }

    /** The year's published tasks, each with its lead department. */
    private Map<Long, String> tasksOf(int year) {
        Map<Long, String> departmentOfTask = new HashMap<>();
        for (PlanView plan : plans.all()) {
            if (plan.year() == year) {
                plan.tasks().stream().filter(TaskView::published)
                        .forEach(t -> departmentOfTask.put(t.id(), t.leadDepartment() == null ? plan.department() : t.leadDepartment()));
            }
        }
        return departmentOfTask;
    }

    private Departments departments(Map<Long, String> departmentOfTask, Map<Long, InspectionFigures.Counts> byTask) {
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
        return new Departments(rows, total);
    }

    /** The years that have plans, newest first. */
    public List<Integer> years() {
        return plans.all().stream().map(PlanView::year).distinct().sorted((a, b) -> b - a).toList();
    }
}
