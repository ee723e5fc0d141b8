package cn.spotcheck.calendar;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deadlines reckoned on a provisional year: marks them 暂定 where staff see them, and recomputes them on the
 * official calendar once the year's notice is loaded. Each process instance moves in a transaction of its own
 * (its due dates, its timers, the record of the change, and the copies other modules keep), so that a failure
 * leaves every instance either wholly on the old dates or wholly on the new.
 */
@Service
class ProvisionalDeadlines {

    /** The task-local variable Tasklist shows beside a due date reckoned on a provisional year. */
    public static final String NOTE_VARIABLE = "deadlineNote";

    private static final Logger log = LoggerFactory.getLogger(ProvisionalDeadlines.class);

    private final WorkingDays workingDays;
    private final DeadlineRules rules;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final ApplicationEventPublisher events;
    private final Map<String, String> definitionKeys = new ConcurrentHashMap<>();

    ProvisionalDeadlines(WorkingDays workingDays, DeadlineRules rules, TaskService taskService,
                         ManagementService managementService, RuntimeService runtimeService,
                         RepositoryService repositoryService, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                         ApplicationEventPublisher events) {
        this.workingDays = workingDays;
        this.rules = rules;
        this.taskService = taskService;
        this.managementService = managementService;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
    }

    /** The 暂定 note for a deadline counted from {@code base} to {@code due}, or null when both lie in official years. */
    String noteFor(LocalDate base, LocalDate due) {
        List<Integer> years = workingDays.calendar().provisionalYears(base, due);
        return years.isEmpty() ? null : "暂定：" + String.join("、", years.stream().map(String::valueOf).toList())
                + " 年节假日安排尚未导入，期限按法定节假日计算";
    }

    /**
     * Recomputes every open working-day deadline that falls on or after 1 January of {@code year}: a deadline
     * that ended earlier never counted a day of that year. Returns what moved.
     */
    public List<DeadlineMoved> recalculate(int year) {
        Date since = new Date(BureauTime.startOf(LocalDate.of(year, 1, 1)).getTime() - 1);
        Map<String, List<Task>> tasks = new LinkedHashMap<>();
        for (Task task : taskService.createTaskQuery().dueAfter(since).orderByDueDate().asc().list()) {
            tasks.computeIfAbsent(task.getProcessInstanceId(), id -> new ArrayList<>()).add(task);
        }
        Map<String, List<Job>> timers = new LinkedHashMap<>();
        for (Job job : managementService.createJobQuery().timers().duedateHigherThan(since).list()) {
            if (job.getProcessInstanceId() != null) {
                timers.computeIfAbsent(job.getProcessInstanceId(), id -> new ArrayList<>()).add(job);
            }
        }
        TreeSet<String> instances = new TreeSet<>(tasks.keySet());
        instances.addAll(timers.keySet());
        List<DeadlineMoved> moved = new ArrayList<>();
        for (String instance : instances) {
            moved.addAll(ownTransaction.execute(status -> recalculate(year, instance,
                    tasks.getOrDefault(instance, List.of()), timers.getOrDefault(instance, List.of()))));
        }
        log.info("{} 年节假日安排导入后重新计算期限：检查了 {} 个流程实例，{} 个期限变动", year, instances.size(), moved.size());
        return moved;
    }

    /** The changes recorded for {@code year}, newest first. */
    public List<DeadlineChange> changes(int year, int limit) {
        return jdbc.query("select process_instance_id, business_key, process_definition_key, element_id, element_name, "
                        + "old_due, new_due, changed_at from spotcheck.deadline_change where schedule_year = ? order by id desc limit ?",
                (rs, i) -> new DeadlineChange(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8).toInstant()), year, limit);
    }

    private List<DeadlineMoved> recalculate(int year, String processInstanceId, List<Task> tasks, List<Job> timers) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        if (instance == null) {
            return List.of();
        }
        List<DeadlineMoved> moved = new ArrayList<>();
        for (Task task : tasks) {
            moveTask(year, instance, task).ifPresent(moved::add);
        }
        for (Job timer : timers) {
            moveTimer(year, instance, timer).ifPresent(moved::add);
        }
        for (DeadlineMoved move : moved) {
            jdbc.update("insert into spotcheck.deadline_change (schedule_year, process_instance_id, business_key, "
                            + "process_definition_key, element_id, element_name, old_due, new_due, changed_at) values (?,?,?,?,?,?,?,?,?)",
                    year, move.processInstanceId(), move.businessKey(), move.processDefinitionKey(), move.elementId(),
                    move.elementName(), Timestamp.from(move.from()), Timestamp.from(move.to()), Timestamp.from(BureauTime.now()));
            events.publishEvent(move);
        }
        return moved;
    }

    private Optional<DeadlineMoved> moveTask(int year, ProcessInstance instance, Task task) {
        Optional<DeadlineRules.WorkingDayRule> rule = rules.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
        if (rule.isEmpty()) {
            if (rules.usesWorkingDays(task.getProcessDefinitionId(), task.getTaskDefinitionKey())) {
                log.warn("任务 {}（{}）的期限表达式无法自动重新计算，请管理员核对", task.getName(), task.getId());
            }
            return Optional.empty();
        }
        Object base = taskService.getVariable(task.getId(), rule.get().variable());
        Date before = task.getDueDate();
        Date after = rule.get().apply(workingDays, name -> taskService.getVariable(task.getId(), name));
        String note = noteFor(WorkingDays.toLocalDate(base), BureauTime.dayOf(after));
        if (note == null) {
            taskService.removeVariableLocal(task.getId(), NOTE_VARIABLE);
        } else {
            taskService.setVariableLocal(task.getId(), NOTE_VARIABLE, note);
        }
        if (after.equals(before)) {
            return Optional.empty();
        }
        task.setDueDate(after);
        taskService.saveTask(task);
        taskService.createComment(task.getId(), task.getProcessInstanceId(), "按 " + year + " 年节假日安排重新计算期限："
                + BureauTime.dayOf(before) + " → " + BureauTime.dayOf(after));
        return Optional.of(new DeadlineMoved(year, instance.getId(), instance.getBusinessKey(), keyOf(task.getProcessDefinitionId()),
                task.getTaskDefinitionKey(), task.getName(), before.toInstant(), after.toInstant()));
    }

    private Optional<DeadlineMoved> moveTimer(int year, ProcessInstance instance, Job timer) {
        var definition = managementService.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId()).singleResult();
        if (definition == null || !rules.usesWorkingDays(timer.getProcessDefinitionId(), definition.getActivityId())) {
            return Optional.empty();
        }
        Date before = timer.getDuedate();
        managementService.recalculateJobDuedate(timer.getId(), true);
        Date after = managementService.createJobQuery().jobId(timer.getId()).singleResult().getDuedate();
        if (after.equals(before)) {
            return Optional.empty();
        }
        return Optional.of(new DeadlineMoved(year, instance.getId(), instance.getBusinessKey(), keyOf(timer.getProcessDefinitionId()),
                definition.getActivityId(), rules.nameOf(timer.getProcessDefinitionId(), definition.getActivityId()),
                before.toInstant(), after.toInstant()));
    }

    private String keyOf(String processDefinitionId) {
        return definitionKeys.computeIfAbsent(processDefinitionId, id -> repositoryService.getProcessDefinition(id).getKey());
    }
}
