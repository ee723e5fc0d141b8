package cn.spotcheck.supervision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import cn.spotcheck.inspection.InspectionFigures;
import cn.spotcheck.inspection.InspectionFigures.Cell;
import cn.spotcheck.inspection.InspectionFigures.Counts;

/**
 * A year's inspections as a cube of department × item × result category × credit level, and the tables the
 * statistics page, the API and the reports read from it. The cube is small (thousands of cells for a million
 * inspections), so narrowing it to one department or one item is done here, without asking the database again.
 *
 * @param departmentOfTask each published task with its lead department
 * @param inScope          each drawn task's candidates at the draw (what its ratio was applied to)
 * @param categories       the result categories in their own order
 */
public record YearFigures(int year, Map<Long, String> departmentOfTask, Map<Long, Integer> inScope, List<Cell> cells,
                          List<InspectionFigures.OfficerCounts> officerCounts, List<String> categories) {

    /** One officer's share in the year (or in the department shown). */
    public record Officer(String staffNo, long assigned, long published, long overdue) {
    }

    /** One cell of the cube as exported: an inspection of several items is in the row of each. */
    public record Row(String department, String itemCode, String creditLevel, String resultCategory, Counts counts) {
    }

    /** The cube by department, item, credit level and result category, in that order. */
    public List<Row> rows() {
        Map<List<String>, Counts> sums = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)).thenComparing(k -> k.get(2), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(k -> categoryOrder(k.get(3))));
        for (Cell c : cells) {
            for (String item : c.itemCodes()) {
                sums.merge(java.util.Arrays.asList(departmentOfTask.get(c.taskId()), item, c.creditLevel(), c.resultCategory()),
                        c.counts(), Counts::plus);
            }
        }
        return sums.entrySet().stream().map(e -> new Row(e.getKey().get(0), e.getKey().get(1), e.getKey().get(2), e.getKey().get(3),
                e.getValue())).toList();
    }

    /** Only {@code department}'s tasks and only inspections that checked {@code item}; either may be null (all). */
    public YearFigures in(String department, String item) {
        List<Cell> kept = cells.stream()
                .filter(c -> department == null || department.equals(departmentOfTask.get(c.taskId())))
                .filter(c -> item == null || c.itemCodes().contains(item))
                .map(c -> item == null ? c : new Cell(c.taskId(), c.creditLevel(), c.resultCategory(), List.of(item), c.counts()))
                .toList();
        Set<Long> tasks = item == null ? null : kept.stream().map(Cell::taskId).collect(Collectors.toSet());
        Map<Long, String> keptTasks = new HashMap<>();
        departmentOfTask.forEach((task, d) -> {
            if ((department == null || department.equals(d)) && (tasks == null || tasks.contains(task))) {
                keptTasks.put(task, d);
            }
        });
        return new YearFigures(year, keptTasks, inScope, kept,
                officerCounts.stream().filter(o -> keptTasks.containsKey(o.taskId())).toList(), categories);
    }

    /** One row per department, by name. */
    public List<DepartmentFigures> departments() {
        Map<String, Long> tasks = new TreeMap<>();
        Map<String, Long> scopes = new HashMap<>();
        departmentOfTask.forEach((task, d) -> {
            tasks.merge(d, 1L, Long::sum);
            scopes.merge(d, (long) inScope.getOrDefault(task, 0), Long::sum);
        });
        Map<String, Counts> counts = new HashMap<>();
        cells.forEach(c -> counts.merge(departmentOfTask.get(c.taskId()), c.counts(), Counts::plus));
        List<DepartmentFigures> rows = new ArrayList<>();
        tasks.forEach((department, n) -> rows.add(DepartmentFigures.of(department, n, scopes.get(department),
                counts.getOrDefault(department, Counts.NONE))));
        return rows;
    }

    public DepartmentFigures total() {
        return DepartmentFigures.of("合计", departmentOfTask.size(),
                departmentOfTask.keySet().stream().mapToLong(task -> inScope.getOrDefault(task, 0)).sum(),
                cells.stream().map(Cell::counts).reduce(Counts.NONE, Counts::plus));
    }

    /** Per credit level at the draw, lowest risk first, not recorded last. */
    public List<Share> creditLevels() {
        Map<String, Share> levels = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        cells.forEach(c -> levels.merge(c.creditLevel(), share(c.creditLevel(), c), (a, b) -> a.plus(b.inspected(), b.withFindings())));
        return List.copyOf(levels.values());
    }

    /** Per item checked, by code; an inspection of several items counts for each. */
    public List<Share> items() {
        Map<String, Share> items = new TreeMap<>();
        cells.forEach(c -> c.itemCodes().forEach(code -> items.merge(code, share(code, c), (a, b) -> a.plus(b.inspected(), b.withFindings()))));
        return List.copyOf(items.values());
    }

    /** How many results of each category were entered, every category in its order. */
    public Map<String, Long> resultCategories() {
        Map<String, Long> counts = new LinkedHashMap<>();
        categories.forEach(name -> counts.put(name, 0L));
        cells.stream().filter(c -> c.resultCategory() != null)
                .forEach(c -> counts.merge(c.resultCategory(), c.counts().dispatched(), Long::sum));
        return counts;
    }

    /** Each officer's share, most assigned first. */
    public List<Officer> officers() {
        Map<String, long[]> sums = new HashMap<>();
        officerCounts.forEach(o -> {
            long[] s = sums.computeIfAbsent(o.staffNo(), k -> new long[3]);
            s[0] += o.assigned();
            s[1] += o.published();
            s[2] += o.overdue();
        });
        return sums.entrySet().stream().map(e -> new Officer(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .sorted(Comparator.comparingLong(Officer::assigned).reversed().thenComparing(Officer::staffNo)).toList();
    }

    /** The departments and items there is something to narrow to. */
    public Set<String> departmentNames() {
        return new TreeSet<>(departmentOfTask.values());
    }

    public Set<String> itemCodes() {
        return cells.stream().flatMap(c -> c.itemCodes().stream()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** A category's place in the standard order; none yet comes first. */
    private int categoryOrder(String category) {
        return category == null ? -1 : categories.indexOf(category) < 0 ? categories.size() : categories.indexOf(category);
    }

    private static Share share(String name, Cell c) {
        return new Share(name, c.counts().inspected(), c.counts().withFindings());
    }
}
