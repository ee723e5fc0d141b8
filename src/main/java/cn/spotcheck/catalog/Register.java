package cn.spotcheck.catalog;

/** The three registers of 一单两库, plus recusals, as the history names them. */
enum Register {
    ITEM("检查事项"),
    TARGET("检查对象"),
    INSPECTOR("检查人员"),
    RECUSAL("回避关系");

    private final String displayName;

    Register(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
