package cn.spotcheck.plan;

import java.util.Objects;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import cn.spotcheck.identity.TaskCompletionRule;
import cn.spotcheck.system.ApiException;
import cn.spotcheck.system.FieldMessage;

/**
 * Four eyes on the annual plan: whoever drafted or submitted a plan does not complete its 法制审核, and the 法制
 * reviewer does not complete its 司法局审核. Each review decides explicitly, and a return to the author says why.
 */
@Component
class PlanReviewRules implements TaskCompletionRule {

    private final RuntimeService runtimeService;

    PlanReviewRules(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public boolean appliesTo(String processDefinitionKey, String taskDefinitionKey) {
        return AnnualPlanProcess.KEY.equals(processDefinitionKey) && (AnnualPlanProcess.LEGAL_REVIEW.equals(taskDefinitionKey) || AnnualPlanProcess.JUSTICE_REVIEW.equals(taskDefinitionKey));
    }

    @Override
    public void check(CompletionAttempt attempt) {
        Object approved = attempt.submitted().get(AnnualPlanProcess.APPROVED);
        if (!(approved instanceof Boolean decision)) {
            throw ApiException.badRequest(AnnualPlanProcess.APPROVED, "请选择是否审核通过（approved 为 true 或 false）");
        }
        Object comment = attempt.submitted().get(AnnualPlanProcess.COMMENT);
        if (!decision && (comment == null || comment.toString().isBlank())) {
            throw ApiException.badRequest(AnnualPlanProcess.COMMENT, "退回计划时请填写审核意见，说明需要修改之处");
        }
        String user = attempt.userId();
        if (user == null) {
            return;
        }
        if (AnnualPlanProcess.LEGAL_REVIEW.equals(attempt.taskDefinitionKey())) {
            Object author = runtimeService.getVariable(attempt.processInstanceId(), AnnualPlanProcess.AUTHOR);
            Object submitter = runtimeService.getVariable(attempt.processInstanceId(), AnnualPlanProcess.SUBMITTED_BY);
            if (user.equals(author) || user.equals(submitter)) {
                throw forbidden("本计划由您起草或提交，法制审核须由其他法制审核人员办理（四眼原则）");
            }
        } else if (Objects.equals(user, runtimeService.getVariable(attempt.processInstanceId(), AnnualPlanProcess.LEGAL_REVIEWER))) {
            throw forbidden("您已办理本计划的法制审核，市司法局审核须由另一人办理（四眼原则）");
        }
    }

    private static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, message, java.util.List.of(new FieldMessage("reviewer", message)));
    }
}
