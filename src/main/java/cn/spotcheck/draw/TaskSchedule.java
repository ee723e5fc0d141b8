package cn.spotcheck.draw;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.plan.AnnualPlans;
import cn.spotcheck.plan.PlanView;
import cn.spotcheck.plan.TaskView;
import cn.spotcheck.system.ApiException;

/**
 * The dates of a spot-check task as its diagrams read them, and the daily start of tasks whose start date has
 * come ({@code processes/task-scheduler.bpmn}).
 */
@Component("taskSchedule")
public class TaskSchedule {

    private static final Logger log = LoggerFactory.getLogger(TaskSchedule.class);

    private final AnnualPlans plans;
    private final RuntimeService runtimeService;
    private final DrawViews draws;
    private final JdbcTemplate jdbc;

    TaskSchedule(AnnualPlans plans, RuntimeService runtimeService, DrawViews draws, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.runtimeService = runtimeService;
        this.draws = draws;
    }

    /** The end of the task's last day: checks not finished by then are flagged to the supervision group. */
    public Date endOf(Object taskId) {
        long id = id(taskId);
        TaskView known = DISPATCHING.get();
        return BureauTime.endOf(known != null && known.id() == id ? known.end() : plans.window(id).end());
    }

    /** The task a fan-out slice on this thread is starting inspections for, as the round read it. */
    private static final ThreadLocal<TaskView> DISPATCHING = new ThreadLocal<>();

    /**
     * Runs a fan-out slice with its task as the round read it: the due date of each of its 500 inspections' first
     * step comes from there, not from a read of the task each.
     */
    <T> T dispatching(TaskView task, java.util.function.Supplier<T> slice) {
        DISPATCHING.set(task);
        try {
            return slice.get();
        } finally {
            DISPATCHING.remove();
        }
    }

    /**
     * The tasks of published plans whose start date has come and which have not started yet. A task whose end date
     * has passed is not drawn after the fact: it is overdue, and the supervision group gets it (督办逾期事项).
     */
    public List<Long> dueTasks() {
        List<Long> due = new ArrayList<>();
        LocalDate today = BureauTime.today();
        for (PlanView plan : plans.published()) {
            for (TaskView task : plan.tasks()) {
                if (!task.start().isAfter(today) && !task.end().isBefore(today) && !started(task.id())) {
                    due.add(task.id());
                }
            }
        }
        if (!due.isEmpty()) {
            log.info("按开始日期启动抽查任务：{}", due);
        }
        return due;
    }

    /**
     * Starts one task's process, which draws at once. Each start is its own job in the scheduler diagram, so a
     * task that cannot be drawn becomes an incident of its own and the others still start.
     */
    public void start(Object taskId) {
        startOnce(id(taskId));
    }

    /**
     * Whether someone may start the task's draw now (开始抽取): its plan is published, and its end date has not passed
     * unless it has already started (then starting again only answers with its draw). Refused with the reason.
     */
    public void checkStartable(long taskId) {
        PlanView plan = plans.planOf(taskId);
        if (!plan.published()) {
            throw ApiException.conflict("taskId", "任务所属计划“" + plan.title() + "”尚未发布（当前：" + plan.statusName() + "），不能开始抽取");
        }
        TaskView task = plans.task(taskId);
        if (!started(taskId) && task.end().isBefore(BureauTime.today())) {
            throw ApiException.conflict("taskId", "抽查任务“" + task.name() + "”的期限已于 " + task.end()
                    + " 结束，不能再抽取；逾期事项由督查考核组督办，如需继续请调整计划");
        }
    }

    /**
     * Starts the task's process unless it has started: requests racing for the same task wait on a transaction-scoped
     * lock, so exactly one starts it and the others find it started. True when this call started it.
     */
    @Transactional
    public boolean startOnce(long taskId) {
        jdbc.queryForObject("select pg_advisory_xact_lock(?, ?)", Object.class, START_LOCK, Long.hashCode(taskId));
        if (started(taskId)) {
            return false;
        }
        runtimeService.startProcessInstanceByKey(SpotCheckTaskProcess.KEY, String.valueOf(taskId),
                SpotCheckTaskProcess.startVariables(plans.task(taskId)));
        return true;
    }

    /** The advisory-lock namespace of task starts. */
    private static final int START_LOCK = 0x7A5C;

    boolean started(long taskId) {
        return draws.isDrawn(taskId) || runtimeService.createProcessInstanceQuery().processDefinitionKey(SpotCheckTaskProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(taskId)).count() > 0;
    }

    private static long id(Object taskId) {
        return taskId instanceof Number n ? n.longValue() : Long.parseLong(taskId.toString());
    }
}
