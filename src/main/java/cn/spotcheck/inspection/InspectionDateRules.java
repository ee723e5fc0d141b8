package cn.spotcheck.inspection;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.identity.TaskCompletionRule;
import cn.spotcheck.plan.AnnualPlans;
import cn.spotcheck.plan.TaskWindow;
import cn.spotcheck.system.ApiException;

/**
 * The dates an inspector records are dates of this inspection: real calendar dates, inside its task's window (which
 * never runs past 30 November), not in the future, and the check does not end before it was made. The result is
 * one of the standard categories. A date outside is refused with the rule named, never published.
 */
@Component
class InspectionDateRules implements TaskCompletionRule {

    private final AnnualPlans plans;
    private final RuntimeService runtimeService;
    private final ResultCategories categories;

    InspectionDateRules(AnnualPlans plans, RuntimeService runtimeService, ResultCategories categories) {
        this.plans = plans;
        this.runtimeService = runtimeService;
        this.categories = categories;
    }

    @Override
    public boolean appliesTo(String processDefinitionKey, String taskDefinitionKey) {
        return InspectionProcess.KEY.equals(processDefinitionKey)
                && (InspectionProcess.ON_SITE_INSPECTION.equals(taskDefinitionKey) || InspectionProcess.RESULT_ENTRY.equals(taskDefinitionKey));
    }

    @Override
    public void check(CompletionAttempt attempt) {
        Map<String, Object> held = runtimeService.getVariables(attempt.processInstanceId(),
                List.of(InspectionProcess.SPOT_CHECK_TASK_ID, InspectionProcess.INSPECTION_DATE));
        TaskWindow task = plans.window(((Number) held.get(InspectionProcess.SPOT_CHECK_TASK_ID)).longValue());
        if (InspectionProcess.ON_SITE_INSPECTION.equals(attempt.taskDefinitionKey())) {
            inWindow(InspectionProcess.INSPECTION_DATE, "现场检查日期", required(attempt, InspectionProcess.INSPECTION_DATE, "现场检查日期"), task);
            return;
        }
        if (categories.find(text(attempt.submitted().get(InspectionProcess.RESULT_CATEGORY))).isEmpty()) {
            throw ApiException.badRequest(InspectionProcess.RESULT_CATEGORY, "检查结果类别“" + attempt.submitted().get(InspectionProcess.RESULT_CATEGORY)
                    + "”不是标准类别之一：" + String.join("、", categories.all().stream().map(ResultCategories.Category::name).toList()));
        }
        LocalDate end = inWindow(InspectionProcess.INSPECTION_END_DATE, "检查结束日期", required(attempt, InspectionProcess.INSPECTION_END_DATE, "检查结束日期"), task);
        Object onSite = held.get(InspectionProcess.INSPECTION_DATE);
        LocalDate visited = onSite == null ? null : parse(InspectionProcess.INSPECTION_DATE, "现场检查日期", onSite);
        if (visited != null && end.isBefore(visited)) {
            throw ApiException.badRequest(InspectionProcess.INSPECTION_END_DATE, "检查结束日期 " + end + " 早于现场检查日期 " + visited);
        }
    }

    private static Object required(CompletionAttempt attempt, String field, String label) {
        Object value = attempt.submitted().get(field);
        if (value == null || value.toString().isBlank()) {
            throw ApiException.badRequest(field, "请填写" + label + "（YYYY-MM-DD）");
        }
        return value;
    }

    private static LocalDate inWindow(String field, String label, Object value, TaskWindow task) {
        LocalDate date = parse(field, label, value);
        if (date.isBefore(task.start()) || date.isAfter(task.end())) {
            throw ApiException.badRequest(field, label + " " + date + " 不在抽查任务“" + task.name() + "”的期限 "
                    + task.start() + " 至 " + task.end() + " 之内（全年检查须于 11 月 30 日前完成）");
        }
        if (date.isAfter(BureauTime.today())) {
            throw ApiException.badRequest(field, label + " " + date + " 晚于今天（" + BureauTime.today() + "），不能预先填写");
        }
        return date;
    }

    static LocalDate parse(String field, String label, Object value) {
        if (value instanceof java.util.Date date) {
            return BureauTime.dayOf(date);
        }
        String text = value.toString().strip();
        try {
            return LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, label + "“" + text + "”不是有效日期，应为 YYYY-MM-DD");
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
