package cn.spotcheck.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether an inspector may be drawn on a given day, and why not: 持证上岗 (a valid 执法证), 在岗 status, and a login
 * with his staff number (without one his task could never be worked). Leaving, retiring and certificate expiry take
 * an inspector out of draws at once (动态调整).
 */
record Drawability(boolean drawable, List<String> reasons) {

    public static Drawability of(InspectorData inspector, LocalDate day, boolean hasAccount) {
        return of(inspector.staffNo(), inspector.status(), inspector.certificateNo(), inspector.certificateValidUntil(), day,
                hasAccount);
    }

    /** The same from the few fields it depends on (the draw reads only those of thousands of inspectors). */
    static Drawability of(String staffNo, String status, String certificateNo, LocalDate certificateValidUntil, LocalDate day,
                          boolean hasAccount) {
        List<String> reasons = new ArrayList<>();
        if (!CatalogVocabulary.ON_DUTY.equals(status)) {
            reasons.add("状态为“" + status + "”，不在岗");
        }
        if (certificateNo == null || certificateNo.isBlank()) {
            reasons.add("无行政执法证");
        } else if (certificateValidUntil == null) {
            reasons.add("执法证有效期未登记");
        } else if (certificateValidUntil.isBefore(day)) {
            reasons.add("执法证已于 " + certificateValidUntil + " 过期");
        }
        if (!hasAccount) {
            reasons.add("没有工号为 " + staffNo + " 的平台登录账号，无法在任务列表中办理检查");
        }
        return new Drawability(reasons.isEmpty(), List.copyOf(reasons));
    }
}
