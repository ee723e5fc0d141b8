package cn.spotcheck.inspection;

import org.springframework.stereotype.Component;

import cn.spotcheck.identity.TaskCompletionRule;
import cn.spotcheck.system.ApiException;

/**
 * 审核公示检查结果 decides: confirm and the result is published, or refuse with a reason the inspectors read when the
 * inspection comes back to them for 结果录入. Nothing is published without an explicit confirmation.
 */
@Component
class PublicationReviewRules implements TaskCompletionRule {

    @Override
    public boolean appliesTo(String processDefinitionKey, String taskDefinitionKey) {
        return InspectionProcess.KEY.equals(processDefinitionKey) && InspectionProcess.PUBLISH_RESULT.equals(taskDefinitionKey);
    }

    @Override
    public void check(CompletionAttempt attempt) {
        Object confirmed = attempt.submitted().get(InspectionProcess.PUBLICATION_CONFIRMED);
        if (!(confirmed instanceof Boolean decision)) {
            throw ApiException.badRequest(InspectionProcess.PUBLICATION_CONFIRMED, "请选择是否同意公示（publicationConfirmed 为 true 或 false）");
        }
        Object reason = attempt.submitted().get(InspectionProcess.PUBLICATION_REFUSAL_REASON);
        if (!decision && (reason == null || reason.toString().isBlank())) {
            throw ApiException.badRequest(InspectionProcess.PUBLICATION_REFUSAL_REASON, "不同意公示时请填写退回意见，说明需要更正之处");
        }
    }
}
