package cn.spotcheck.draw;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.plan.AnnualPlans;
import cn.spotcheck.plan.PlanView;
import cn.spotcheck.plan.TaskView;

/**
 * The dates of a spot-check task as its diagrams read them, and the daily start of tasks whose start date has
 * come ({@code processes/task-scheduler.bpmn}).
 */
@Component("taskSchedule")
public class TaskSchedule {

    private static final Logger log = LoggerFactory.getLogger(TaskSchedule.class);

    private final AnnualPlans plans;
    private final RuntimeService runtimeService;
    private final TaskDraws draws;

    TaskSchedule(AnnualPlans plans, RuntimeService runtimeService, TaskDraws draws) {
        this.plans = plans;
        this.runtimeService = runtimeService;
        this.draws = draws;
    }

    /** The end of the task's last day: checks not finished by then are flagged to the supervision group. */
    public Date endOf(Object taskId) {
        return BureauTime.endOf(plans.task(id(taskId)).end());
    }

    /** Starts every task of a published plan whose start date has come and which has not started yet. */
    public int startDue() {
        int started = 0;
        for (PlanView plan : plans.published()) {
            for (TaskView task : plan.tasks()) {
                boolean due = !task.start().isAfter(BureauTime.today());
                boolean running = runtimeService.createProcessInstanceQuery().processDefinitionKey(DrawApi.PROCESS)
                        .processInstanceBusinessKey(String.valueOf(task.id())).count() > 0;
                if (due && !running && !draws.isDrawn(task.id())) {
                    runtimeService.startProcessInstanceByKey(DrawApi.PROCESS, String.valueOf(task.id()), Map.of("taskId", task.id()));
                    started++;
                }
            }
        }
        if (started > 0) {
            log.info("已按开始日期启动 {} 个抽查任务", started);
        }
        return started;
    }

    private static long id(Object taskId) {
        return taskId instanceof Number n ? n.longValue() : Long.parseLong(taskId.toString());
    }
}
