package cn.spotcheck.inspection;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import cn.spotcheck.identity.TaskCompletionRule;
import cn.spotcheck.system.ApiException;

/** 审核更正申请: four eyes (the requester never reviews their own request), an explicit decision, a reason for a refusal. */
@Component
class CorrectionReviewRules implements TaskCompletionRule {

    private final RuntimeService runtimeService;

    CorrectionReviewRules(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public boolean appliesTo(String processDefinitionKey, String taskDefinitionKey) {
        return ResultCorrectionProcess.KEY.equals(processDefinitionKey) && ResultCorrectionProcess.REVIEW.equals(taskDefinitionKey);
    }

    @Override
    public void check(CompletionAttempt attempt) {
        Object requester = runtimeService.getVariable(attempt.processInstanceId(), ResultCorrectionProcess.REQUESTED_BY);
        if (attempt.userId() != null && attempt.userId().equals(requester)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "四眼原则：更正申请须由申请人以外的法规科人员审核，您不能审核自己提出的申请", List.of());
        }
        Object approved = attempt.submitted().get(ResultCorrectionProcess.APPROVED);
        if (!(approved instanceof Boolean decision)) {
            throw ApiException.badRequest(ResultCorrectionProcess.APPROVED, "请选择是否同意更正（correctionApproved 为 true 或 false）");
        }
        Object comment = attempt.submitted().get(ResultCorrectionProcess.REVIEW_COMMENT);
        if (!decision && (comment == null || comment.toString().isBlank())) {
            throw ApiException.badRequest(ResultCorrectionProcess.REVIEW_COMMENT, "不同意更正时请填写审核意见");
        }
    }
}
