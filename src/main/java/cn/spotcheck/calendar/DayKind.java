package cn.spotcheck.calendar;

/** How the State Council's schedule marks a day that differs from the weekday rule. */
enum DayKind {
    /** 休: a statutory holiday or a weekday given off. */
    OFF,
    /** 班: a weekend day worked instead (调休上班). */
    WORK;

    static DayKind fromMark(String mark) {
        return switch (mark.trim()) {
            case "休" -> OFF;
            case "班" -> WORK;
            default -> throw new IllegalArgumentException("类型只能是“休”或“班”，实际为“" + mark + "”");
        };
    }
}
