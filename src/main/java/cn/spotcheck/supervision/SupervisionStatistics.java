package cn.spotcheck.supervision;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import org.springframework.stereotype.Service;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.draw.DrawViews;
import cn.spotcheck.followup.FollowUps;
import cn.spotcheck.inspection.InspectionFigures;
import cn.spotcheck.inspection.ResultCategories;
import cn.spotcheck.plan.AnnualPlans;
import cn.spotcheck.plan.PlanView;
import cn.spotcheck.plan.TaskView;

/**
 * The year's figures, for the statistics page, the API and the reports. A task counts for its lead department (the
 * first it names, else its plan's), so that the departments add up to the bureau. Counted from the records each
 * module keeps, through their own interfaces.
 */
@Service
public class SupervisionStatistics {

    private final AnnualPlans plans;
    private final InspectionFigures inspections;
    private final FollowUps followUps;
    private final ResultCategories categories;
    private final DrawViews draws;
    private final Executor concurrent;

    SupervisionStatistics(AnnualPlans plans, InspectionFigures inspections, FollowUps followUps, ResultCategories categories, DrawViews draws) {
        this.draws = draws;
        this.plans = plans;
        this.inspections = inspections;
        this.followUps = followUps;
        this.categories = categories;
        this.concurrent = Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "statistics");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The year without the officers' shares (the API, the export, the assessment). */
    public YearFigures departments(int year) {
        Map<Long, String> departmentOfTask = tasksOf(year);
        return new YearFigures(year, departmentOfTask, draws.candidatesByTask(departmentOfTask.keySet()), cells(departmentOfTask), List.of(),
                categoryNames());
    }

    /**
     * Everything the page shows. The officers' shares are counted on a second connection while the cells are read,
     * so the page waits for the longer of the two, not their sum.
     */
    public YearFigures of(int year) {
        Map<Long, String> departmentOfTask = tasksOf(year);
        CompletableFuture<List<InspectionFigures.OfficerCounts>> officers = CompletableFuture.supplyAsync(
                () -> inspections.byOfficer(departmentOfTask.keySet(), BureauTime.today()), concurrent);
        List<InspectionFigures.Cell> cells = cells(departmentOfTask);
        return new YearFigures(year, departmentOfTask, draws.candidatesByTask(departmentOfTask.keySet()), cells, officers.join(),
                categoryNames());
    }

    private List<InspectionFigures.Cell> cells(Map<Long, String> departmentOfTask) {
        if (departmentOfTask.isEmpty()) {
            return List.of();
        }
        return inspections.cells(departmentOfTask.keySet(), followUps.states());
    }

    private List<String> categoryNames() {
        return categories.all().stream().map(ResultCategories.Category::name).toList();
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

    /** The years that have plans, newest first. */
    public List<Integer> years() {
        return plans.all().stream().map(PlanView::year).distinct().sorted((a, b) -> b - a).toList();
    }
}
