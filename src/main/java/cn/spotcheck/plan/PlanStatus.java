package cn.spotcheck.plan;

/** Where an annual plan stands in its review. */
enum PlanStatus {
    DRAFT("草稿"),
    IN_REVIEW("审核中"),
    RETURNED("退回修改"),
    PUBLISHED("已发布"),
    ADJUSTING("调整中");

    private final String displayName;

    PlanStatus(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    boolean editable() {
        return this == DRAFT || this == RETURNED || this == ADJUSTING;
    }
}
