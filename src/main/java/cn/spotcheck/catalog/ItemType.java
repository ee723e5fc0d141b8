package cn.spotcheck.catalog;

/** 一般检查事项 (a sampled share of the targets) or 重点检查事项 (every target in scope). */
public enum ItemType {
    GENERAL("一般检查事项"),
    KEY("重点检查事项");

    private final String displayName;

    ItemType(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
