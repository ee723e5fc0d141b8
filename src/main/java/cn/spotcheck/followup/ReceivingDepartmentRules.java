package cn.spotcheck.followup;

import java.util.Set;

import org.springframework.stereotype.Component;

import cn.spotcheck.identity.TaskCompletionRule;
import cn.spotcheck.inspection.InspectionProcess;
import cn.spotcheck.inspection.ResultCategories;
import cn.spotcheck.system.ApiException;

/**
 * A 案件线索移交函 or 涉嫌犯罪案件移送书 is addressed to a named authority, and its 受理回执 is awaited from that
 * authority: a result of 移交 or 移送 (结果录入), or a follow-up decided as one (确定处置方式), names the receiving unit.
 * A letter to "有关主管部门" reaches no one. The way a follow-up is decided is one of the four the form offers.
 */
@Component
class ReceivingDepartmentRules implements TaskCompletionRule {

    private static final String DECIDE_FOLLOW_UP = "decideFollowUp";
    private static final String PROCESS = "follow-up";
    /** {@code follow_up.department}'s width. */
    private static final int MAX_LENGTH = 100;
    private static final Set<String> ADDRESSED = Set.of(FollowUpKind.HANDOVER.name(), FollowUpKind.REFERRAL.name());

    private final ResultCategories categories;

    ReceivingDepartmentRules(ResultCategories categories) {
        this.categories = categories;
    }

    @Override
    public boolean appliesTo(String processDefinitionKey, String taskDefinitionKey) {
        return InspectionProcess.KEY.equals(processDefinitionKey) && InspectionProcess.RESULT_ENTRY.equals(taskDefinitionKey)
                || PROCESS.equals(processDefinitionKey) && DECIDE_FOLLOW_UP.equals(taskDefinitionKey);
    }

    @Override
    public void check(CompletionAttempt attempt) {
        String kind;
        String chosen;
        if (DECIDE_FOLLOW_UP.equals(attempt.taskDefinitionKey())) {
            FollowUpKind decided = decided(attempt.submitted().get(FollowUpProcess.KIND));
            kind = decided.name();
            chosen = "处置方式为“" + decided.displayName() + "”";
        } else {
            String category = text(attempt.submitted().get(InspectionProcess.RESULT_CATEGORY));
            kind = categories.find(category).map(ResultCategories.Category::followUp).orElse(null);
            chosen = "检查结果为“" + category + "”";
        }
        if (kind == null || !ADDRESSED.contains(kind)) {
            return;
        }
        String department = text(attempt.submitted().get(FollowUpProcess.RECEIVING_DEPARTMENT));
        if (department == null || department.isBlank()) {
            throw ApiException.badRequest(FollowUpProcess.RECEIVING_DEPARTMENT, chosen + "时请填写接收单位（"
                    + (FollowUpKind.HANDOVER.name().equals(kind) ? "移交函" : "移送书") + "的收件机关，如“长春市市场监督管理局”“长春市公安局”）");
        }
        if (department.strip().length() > MAX_LENGTH) {
            throw ApiException.badRequest(FollowUpProcess.RECEIVING_DEPARTMENT, "接收单位不能超过 " + MAX_LENGTH + " 个字");
        }
    }

    /** One of the four ways the form offers; anything else would leave the diagram's gateway without a way out. */
    private static FollowUpKind decided(Object value) {
        for (FollowUpKind kind : FollowUpKind.values()) {
            if (kind != FollowUpKind.DECIDE && kind.name().equals(text(value))) {
                return kind;
            }
        }
        throw ApiException.badRequest(FollowUpProcess.KIND, (value == null ? "请选择处置方式" : "处置方式“" + value + "”无效") + "：责令改正并复查（RECTIFICATION）、"
                + "立案查处（CASE）、移交其他部门（HANDOVER）或移送司法机关（REFERRAL）");
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
