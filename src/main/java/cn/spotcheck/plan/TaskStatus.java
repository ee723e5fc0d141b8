package cn.spotcheck.plan;

/** Where a spot-check task stands: planned while its plan is drafted or reviewed, published with its plan. */
enum TaskStatus {
    PLANNED("计划中"),
    PUBLISHED("已发布");

    private final String displayName;

    TaskStatus(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
