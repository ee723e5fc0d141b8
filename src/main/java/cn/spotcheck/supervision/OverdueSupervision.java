package cn.spotcheck.supervision;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.spotcheck.draw.SpotCheckTaskProcess;
import cn.spotcheck.plan.AnnualPlanProcess;

/**
 * The overdue list and Tasklist agree: an overdue item that no diagram watches (a plan never submitted, a task
 * never started before its end date) gets a 督办逾期事项 task for the supervision group ({@code overdue-supervision.bpmn}),
 * once per item. Items the diagrams already escalate (publication deadlines, a running task's end date, an
 * unapproved plan in review) have their own supervision tasks.
 */
@Service("overdueSupervision")
public class OverdueSupervision {

    static final String PROCESS = "overdue-supervision";
    private static final Set<String> UNWATCHED_RULES = Set.of("PLAN_NOT_APPROVED", "TASK_NOT_FINISHED");
    private static final Logger log = LoggerFactory.getLogger(OverdueSupervision.class);

    private final OverdueMonitor monitor;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;

    OverdueSupervision(OverdueMonitor monitor, RuntimeService runtimeService, HistoryService historyService) {
        this.monitor = monitor;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
    }

    /** Called each morning by the scheduler: opens the missing supervision tasks. */
    public void openMissing() {
        for (OverdueItem item : monitor.today()) {
            if (UNWATCHED_RULES.contains(item.rule()) && !watchedByADiagram(item) && !alreadySupervised(item.reference())) {
                runtimeService.startProcessInstanceByKey(PROCESS, item.reference(), Map.of(
                        "overdueRule", item.ruleName(), "overdueTitle", item.title(), "overdueDepartment", item.department(),
                        "overdueDueDate", item.dueDate().toString(), "subject", item.title() + "（" + item.ruleName() + "）"));
                log.info("逾期事项转督查考核组督办：{}（{}）", item.title(), item.ruleName());
            }
        }
    }

    /** A plan in review, or a task whose process runs, already raises its own supervision task. */
    private boolean watchedByADiagram(OverdueItem item) {
        String[] reference = item.reference().split(":", 2);
        String processKey = "plan".equals(reference[0]) ? AnnualPlanProcess.KEY : SpotCheckTaskProcess.KEY;
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(reference[1]).count() > 0;
    }

    private boolean alreadySupervised(String reference) {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS)
                .processInstanceBusinessKey(reference).count() > 0;
    }
}
