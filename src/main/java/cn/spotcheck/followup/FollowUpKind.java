package cn.spotcheck.followup;

/**
 * What follows a finding. The names are the values the diagrams' gateways and the 后续处置 form use; a result category
 * names the kind it calls for, or {@code DECIDE} when someone must choose.
 */
public enum FollowUpKind {
    DECIDE("待决定"),
    RECTIFICATION("责令改正并复查"),
    CASE("立案查处"),
    HANDOVER("移交其他部门"),
    REFERRAL("移送司法机关");

    private final String displayName;

    FollowUpKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    static FollowUpKind of(Object value) {
        if (value == null) {
            throw new IllegalStateException("后续处置流程缺少处置方式");
        }
        return valueOf(value.toString());
    }
}
