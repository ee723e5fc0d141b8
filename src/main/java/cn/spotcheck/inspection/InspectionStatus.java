package cn.spotcheck.inspection;

/** Where an inspection stands. */
enum InspectionStatus {
    OPEN("待现场检查"),
    INSPECTED("待录入结果"),
    AWAITING_PUBLICATION("待公示"),
    PUBLISHED("已公示"),
    CLOSED("已办结");

    private final String displayName;

    InspectionStatus(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
