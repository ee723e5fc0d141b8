package cn.spotcheck.followup;

/**
 * 查处结果 as the public reads it, from the path the follow-up took and what was recorded on it. Only facts of the
 * decision: never the findings' free text, nor names of persons.
 */
final class PublicOutcome {

    private PublicOutcome() {
    }

    static String of(FollowUpKind kind, String department, String decisionNumber, String penalty, String caseNumber) {
        return switch (kind) {
            case RECTIFICATION -> "责令改正，已整改到位";
            case CASE -> decisionNumber != null && !decisionNumber.isBlank()
                    ? "立案查处：行政处罚决定书 " + decisionNumber.strip() + (penalty == null || penalty.isBlank() ? "" : "，" + penalty.strip())
                    : "立案查处" + (caseNumber == null || caseNumber.isBlank() ? "" : "（立案编号 " + caseNumber.strip() + "）");
            case HANDOVER -> "已移交" + (department == null || department.isBlank() ? "有关主管部门" : department.strip()) + "处理";
            case REFERRAL -> "已移送" + (department == null || department.isBlank() ? "公安机关" : department.strip());
            case DECIDE -> "已办结";
        };
    }
}
