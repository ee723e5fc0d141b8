package cn.spotcheck.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.draw.InspectionDispatch;
import cn.spotcheck.draw.SpotCheckTaskProcess;
import cn.spotcheck.inspection.InspectionView;
import cn.spotcheck.inspection.Inspections;
import cn.spotcheck.plan.AnnualPlans;
import cn.spotcheck.plan.PlanInput;
import cn.spotcheck.plan.PlanView;
import cn.spotcheck.plan.TaskInput;

/**
 * Leaves real work waiting for a newcomer (README, "A walk through the demo"). Runs once: if the demo plan
 * exists, nothing is added.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "spotcheck.demo.year", havingValue = "true", matchIfMissing = true)
class DemoYear {

    private static final Logger log = LoggerFactory.getLogger(DemoYear.class);

    private final AnnualPlans plans;
    private final InspectionDispatch dispatch;
    private final Inspections inspections;
    private final RuntimeService runtimeService;
    private final TaskService taskService;

    DemoYear(AnnualPlans plans, InspectionDispatch dispatch, Inspections inspections, RuntimeService runtimeService,
             TaskService taskService) {
        this.plans = plans;
        this.dispatch = dispatch;
        this.inspections = inspections;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(40)
    void seed() {
        int year = BureauTime.today().getYear();
        String title = year + " 年度交通运输领域“双随机、一公开”抽查计划";
        if (plans.all().stream().anyMatch(p -> p.title().equals(title))) {
            return;
        }
        PlanView plan = as("fagui", () -> plans.create(new PlanInput(year, "运输管理科", title)));
        long freight = as("fagui", () -> plans.addTask(plan.id(), new TaskInput("道路货物运输经营资质抽查", List.of("JT-HY-01"),
                new TaskInput.Filter(List.of("公路货运"), List.of(), List.of()), new BigDecimal("0.03"), 2,
                year + "-01-02", year + "-11-30", "SECTOR_OWN", List.of(), false))).id();
        as("fagui", () -> plans.addTask(plan.id(), new TaskInput("危险货物道路运输企业全覆盖检查", List.of("JT-WH-01", "JT-WH-02"),
                new TaskInput.Filter(List.of("危险货物道路运输"), List.of(), List.of()), BigDecimal.ONE, 2,
                year + "-06-01", year + "-11-30", "SECTOR_OWN", List.of(), false)));
        as("fagui", () -> plans.addTask(plan.id(), new TaskInput("机动车维修质量管理抽查", List.of("JT-WX-02"),
                new TaskInput.Filter(List.of("机动车维修"), List.of(), List.of()), new BigDecimal("0.05"), 2,
                year + "-07-01", year + "-11-30", "SECTOR_OWN", List.of(), false)));
        as("fagui", () -> plans.submit(plan.id()));
        complete(String.valueOf(plan.id()), "legalReview", "fazhi", Map.of("approved", true, "comment", "抽查事项、比例和时限符合规定，同意。"));
        complete(String.valueOf(plan.id()), "justiceReview", "sifa", Map.of("approved", true, "comment", "经合法性审核，同意发布。"));

        as("fagui", () -> runtimeService.startProcessInstanceByKey(SpotCheckTaskProcess.KEY, String.valueOf(freight),
                SpotCheckTaskProcess.startVariables(plans.task(freight))));
        complete(String.valueOf(freight), "confirmDraw", "fagui", Map.of("approved", true, "comment", "抽取结果无误"));
        while (dispatch.dispatchRound(freight)) {
            // every batch now, so that the walk-through finds its inspections at once
        }
        List<InspectionView> all = inspections.ofTask(freight);
        // Results lie inside the task's window (2 January to 30 November) and not in the future, whatever today is.
        LocalDate first = LocalDate.of(year, 1, 2);
        LocalDate last = BureauTime.today().isAfter(LocalDate.of(year, 11, 30)) ? LocalDate.of(year, 11, 30) : BureauTime.today();
        if (all.size() >= 3 && !last.isBefore(first.plusDays(2))) {
            // One result entered three weeks ago (or at the task's start) and never published: overdue for 督查考核组.
            LocalDate threeWeeksAgo = last.minusDays(21);
            inspect(all.get(0), "发现问题待后续处理", "道路运输证未按规定年审", threeWeeksAgo.isBefore(first) ? first : threeWeeksAgo);
            // One handover to market regulation, awaiting its acknowledgement.
            inspect(all.get(1), "违法违规行为已移交其他部门处理", "发现无照经营加油点，属市场监管部门管辖", last.minusDays(2));
            complete(all.get(1).code(), "publishResult", "fagui", Map.of("publicationConfirmed", true));
            // One clean result, published for the public site.
            inspect(all.get(2), "未发现问题", "无", last.minusDays(1));
            complete(all.get(2).code(), "publishResult", "fagui", Map.of("publicationConfirmed", true));
        }
        log.info("演示年度已就绪：计划 {}，抽查任务 {} 已抽取 {} 户", plan.id(), freight, all.size());
    }

    private void inspect(InspectionView inspection, String category, String findings, LocalDate endDate) {
        String inspector = inspection.inspectorStaffNos().get(0);
        complete(inspection.code(), "onSiteInspection", inspector, Map.of("inspectionDate", endDate.toString(),
                "onSiteNotes", "查验经营许可、车辆技术档案、驾驶员从业资格"));
        Map<String, Object> result = new HashMap<>(Map.of("resultCategory", category, "findings", findings,
                "inspectionEndDate", endDate.toString()));
        if (category.contains("移交")) {
            result.put("receivingDepartment", "长春市市场监督管理局");
        }
        complete(inspection.code(), "resultEntry", inspector, result);
    }

    private void complete(String businessKey, String taskKey, String user, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).singleResult();
        if (task == null) {
            throw new IllegalStateException("演示数据：" + businessKey + " 没有待办 " + taskKey);
        }
        as(user, () -> {
            taskService.claim(task.getId(), user);
            taskService.complete(task.getId(), variables);
            return null;
        });
    }

    private <T> T as(String user, java.util.function.Supplier<T> work) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private void as(String user, Runnable work) {
        as(user, () -> {
            work.run();
            return null;
        });
    }
}
