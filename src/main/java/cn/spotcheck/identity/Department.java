package cn.spotcheck.identity;

/** The bureau's enforcement departments; each is a Camunda group so that 本部门待办 can be filtered. */
public enum Department {
    TRANSPORT("deptTransport", "运输管理科"),
    ENFORCEMENT("deptEnforcement", "综合执法支队"),
    HIGHWAY("deptHighway", "公路管理科"),
    WATERWAY("deptWaterway", "港航管理科"),
    SAFETY("deptSafety", "安全监督科");

    private final String groupId;
    private final String displayName;

    Department(String groupId, String displayName) {
        this.groupId = groupId;
        this.displayName = displayName;
    }

    public String groupId() {
        return groupId;
    }

    public String displayName() {
        return displayName;
    }
}
