package cn.spotcheck.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.catalog.CandidateScan;
import cn.spotcheck.identity.CurrentUser;
import cn.spotcheck.system.ApiException;
import cn.spotcheck.system.FieldMessage;

/**
 * 定向抽查: a legal user answers a 信用风险预警 with a task of this year's published plan whose targets are named, not
 * drawn. It is published with the plan at once (a warning cannot wait for the next review round), starts today and
 * runs at most {@link #DAYS} days, to 31 December at the latest: the 30 November close of the random checks is for
 * the year's plan, not for a response to risk. Inspectors are still drawn at random; the task, its draw record and
 * the public pages say that its targets were not.
 */
@Service
public class TargetedTasks {

    static final int DAYS = 30;
    static final int MAX_TARGETS = 500;

    private final AnnualPlans plans;
    private final SpotCheckTaskRepository tasks;
    private final TaskRules rules;
    private final CandidateScan targets;

    TargetedTasks(AnnualPlans plans, SpotCheckTaskRepository tasks, TaskRules rules, CandidateScan targets) {
        this.plans = plans;
        this.tasks = tasks;
        this.rules = rules;
        this.targets = targets;
    }

    /** The plans a targeted task may join: this year's published ones. */
    public List<PlanView> plansOpenToTargetedTasks() {
        int year = BureauTime.today().getYear();
        return plans.published().stream().filter(p -> p.year() == year).toList();
    }

    @Transactional
    public TaskView add(Long planId, String name, List<String> itemCodes, List<Long> targetIds, String reason) {
        List<FieldMessage> errors = new ArrayList<>();
        PlanView plan = planId == null ? null : plansOpenToTargetedTasks().stream().filter(p -> p.id() == planId).findFirst().orElse(null);
        if (plan == null) {
            errors.add(new FieldMessage("planId", "请选择本年度已发布的计划（定向抽查任务加入本年度计划）"));
        }
        String title = name == null ? "" : name.strip();
        if (title.isEmpty() || title.length() > 200) {
            errors.add(new FieldMessage("name", "任务名称不能为空，且不超过 200 个字符"));
        }
        List<String> codes = TaskRules.clean(itemCodes);
        rules.listedItems(codes, errors);
        List<Long> ids = targetIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(targetIds));
        Map<Long, CandidateScan.TargetIdentity> found = targets.identities(ids);
        if (ids.isEmpty() || ids.size() > MAX_TARGETS) {
            errors.add(new FieldMessage("targetIds", "定向抽查应列出 1 至 " + MAX_TARGETS + " 个检查对象"));
        } else if (found.size() < ids.size()) {
            errors.add(new FieldMessage("targetIds", "检查对象 " + ids.stream().filter(id -> !found.containsKey(id)).findFirst().orElseThrow()
                    + " 不在检查对象名录中"));
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            errors.add(new FieldMessage("reason", "请写明定向抽查的原因（不超过 500 个字符），它将与任务一并公开"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, errors.get(0).message(), errors);
        }
        LocalDate today = BureauTime.today();
        LocalDate end = today.plusDays(DAYS).getYear() == today.getYear() ? today.plusDays(DAYS) : LocalDate.of(today.getYear(), 12, 31);
        List<String> categories = found.values().stream().map(CandidateScan.TargetIdentity::category).distinct().sorted().toList();
        TaskSpec spec = new TaskSpec(title, codes, categories, List.of(), List.of(), BigDecimal.ONE, 2, today, end, CheckForm.SECTOR_OWN,
                List.of(), false, null);
        return tasks.save(SpotCheckTask.targeted(plan.id(), spec, ids, why, CurrentUser.id(), BureauTime.now())).view();
    }
}
