package cn.spotcheck.supervision;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.spotcheck.identity.CurrentUser;
import cn.spotcheck.identity.TaskCompletionRule;
import cn.spotcheck.system.ApiException;
import cn.spotcheck.system.ProcessVariables;

/**
 * The {@code supervision-notice} diagram's edge: its variable names, the answer recorded when 答复督查通报 is completed,
 * and the rule that an answer says something.
 */
@Component("supervisionNoticeProcess")
public class SupervisionNoticeProcess implements TaskCompletionRule {

    static final String NOTICE_ID = "noticeId";
    static final String DEPARTMENT_GROUP = "departmentGroup";
    static final String ISSUED_ON = "noticeIssuedOn";
    static final String WORKING_DAYS = "noticeWorkingDays";
    /** What the department reads above the form (Markdown). */
    static final String BRIEF = "noticeBrief";
    static final String ANSWER = "answer";
    static final String ANSWER_TASK = "answerNotice";

    private final SupervisionNotices notices;

    SupervisionNoticeProcess(@org.springframework.context.annotation.Lazy SupervisionNotices notices) {
        this.notices = notices;
    }

    public void answered(DelegateTask task) {
        String user = task.getAssignee() != null ? task.getAssignee() : CurrentUser.id();
        notices.answered(ProcessVariables.number(task.getExecution(), NOTICE_ID), ProcessVariables.text(task.getExecution(), ANSWER), user);
    }

    @Override
    public boolean appliesTo(String processDefinitionKey, String taskDefinitionKey) {
        return SupervisionNotices.KEY.equals(processDefinitionKey) && ANSWER_TASK.equals(taskDefinitionKey);
    }

    @Override
    public void check(CompletionAttempt attempt) {
        Object answer = attempt.submitted().get(ANSWER);
        if (answer == null || answer.toString().isBlank()) {
            throw ApiException.badRequest(ANSWER, "请填写答复：逾期原因和已采取的整改措施");
        }
        if (answer.toString().length() > 4000) {
            throw ApiException.badRequest(ANSWER, "答复不能超过 4000 个字");
        }
    }
}
