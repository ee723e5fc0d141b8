package cn.spotcheck.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters a bureau needs out of the box: 我的待办, 本部门待办, 即将逾期 (due within two days) and
 * 已逾期. They are shared (every group may read filters) and evaluated per user, so each inspector sees their own.
 */
@Component
class TasklistFilters {

    private final FilterService filterService;
    private final TaskService taskService;

    TasklistFilters(FilterService filterService, TaskService taskService) {
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(12)
    void ensureFilters() {
        if (outdated(filterService.createFilterQuery().filterName(MY_TASKS).singleResult())) {
            makeAssigneesCandidates();
        }
        ensure(MY_TASKS, "指派给我或点名由我办理的任务（如被抽中的检查）", -10, "#b22222",
                mine().orderByTaskPriority().desc().orderByDueDate().asc());
        ensure("本部门待办", "我所在科室、角色可以认领的任务", -5, "#1f6fb2",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                        .orderByDueDate().asc());
        ensure("即将逾期", "两天内到期的任务", 0, "#e08a00",
                mine().dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(2).toDate()}").orderByDueDate().asc());
        ensure("已逾期", "已过到期日仍未办理的任务", 5, "#7a0000",
                mine().dueBeforeExpression("${now()}").orderByDueDate().asc());
    }

    /**
     * Tasks offered to me (by name or through one of my groups) that no one else has taken. Asked through the
     * candidate links only, which PostgreSQL finds by index: an assignee is always one of the candidates too
     * ({@link AssigneesAreCandidates}). “Assigned to me, or offered to me” read every open task instead.
     */
    private TaskQuery mine() {
        return taskService.createTaskQuery()
                .taskCandidateUserExpression("${currentUser()}").includeAssignedTasks()
                .or().taskAssigneeExpression("${currentUser()}").taskUnassigned().endOr();
    }

    /**
     * Tasks assigned before {@link AssigneesAreCandidates} listened: looked for once, when the filters of an older
     * release are brought up to date.
     */
    private void makeAssigneesCandidates() {
        taskService.createNativeTaskQuery().sql("""
                select RES.* from ACT_RU_TASK RES where RES.ASSIGNEE_ is not null and not exists (
                    select 1 from ACT_RU_IDENTITYLINK I
                    where I.TASK_ID_ = RES.ID_ and I.TYPE_ = 'candidate' and I.USER_ID_ = RES.ASSIGNEE_)""")
                .list().forEach(task -> taskService.addCandidateUser(task.getId(), task.getAssignee()));
    }

    /**
     * Creates the filter; in an existing one, adds the variables it does not list yet and replaces a query written
     * by an older release (what an administrator changed in its name, colours and columns stays).
     */
    private void ensure(String name, String description, int priority, String color, TaskQuery query) {
        Filter existing = filterService.createFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            Map<String, Object> properties = new LinkedHashMap<>(existing.getProperties());
            List<Object> listed = new ArrayList<>(properties.get("variables") instanceof List<?> l ? l : List.of());
            List<Map<String, String>> missing = VARIABLES.stream()
                    .filter(v -> listed.stream().noneMatch(o -> o instanceof Map<?, ?> m && v.get("name").equals(m.get("name"))))
                    .toList();
            boolean outdated = outdated(existing);
            boolean relabelled = relabelFormerDefaults(listed);
            if (!missing.isEmpty() || outdated || relabelled) {
                listed.addAll(0, missing);
                properties.put("variables", listed);
                properties.put(QUERY_VERSION_PROPERTY, QUERY_VERSION);
                existing.setProperties(properties);
                if (outdated) {
                    existing.setQuery(query);
                }
                filterService.saveFilter(existing);
            }
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("color", color);
        properties.put("refresh", true);
        properties.put("variables", VARIABLES);
        properties.put(QUERY_VERSION_PROPERTY, QUERY_VERSION);
        Filter filter = filterService.newTaskFilter(name).setProperties(properties).setQuery(query);
        filterService.saveFilter(filter);
    }

    /**
     * Puts today's label on a column still labelled as an older release wrote it (a label an administrator chose
     * stays). The subject's column said 事项, which in a bureau means an item of the 事项清单, above a company's name.
     */
    private static boolean relabelFormerDefaults(List<Object> listed) {
        boolean changed = false;
        for (int i = 0; i < listed.size(); i++) {
            if (listed.get(i) instanceof Map<?, ?> column && TaskSubjects.SUBJECT.equals(column.get("name"))
                    && FORMER_SUBJECT_LABEL.equals(column.get("label"))) {
                Map<Object, Object> relabelled = new LinkedHashMap<>(column);
                relabelled.put("label", SUBJECT_LABEL);
                listed.set(i, relabelled);
                changed = true;
            }
        }
        return changed;
    }

    /** A filter written by an older release (no filter at all: a new database, nothing to bring up to date). */
    private static boolean outdated(Filter filter) {
        return filter != null && !Integer.valueOf(QUERY_VERSION).equals(filter.getProperties().get(QUERY_VERSION_PROPERTY));
    }

    private static final String MY_TASKS = "我的待办";
    /** Raised when the filters' queries change, so that a database made by an older release gets the new ones. */
    private static final int QUERY_VERSION = 2;
    private static final String QUERY_VERSION_PROPERTY = "spotcheckQueryVersion";

    private static final String SUBJECT_LABEL = "办理对象";
    private static final String FORMER_SUBJECT_LABEL = "事项";

    /** Shown on each task's card, first the 暂定 note so that a guessed deadline is seen before anything else. */
    private static final List<Map<String, String>> VARIABLES = List.of(
            Map.of("name", "deadlineNote", "label", "期限"),
            Map.of("name", TaskSubjects.SUBJECT, "label", SUBJECT_LABEL),
            Map.of("name", "inspectionCode", "label", "检查编号"),
            Map.of("name", "planTitle", "label", "计划"),
            Map.of("name", "resultCategory", "label", "检查结果"));
}
