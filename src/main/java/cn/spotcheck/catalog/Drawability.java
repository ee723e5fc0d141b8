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
        List<String> reasons = new ArrayList<>();
        if (!CatalogVocabulary.ON_DUTY.equals(inspector.status())) {
            reasons.add("状态为“" + inspector.status() + "”，不在岗");
        }
        if (inspector.certificateNo() == null || inspector.certificateNo().isBlank()) {
            reasons.add("无行政执法证");
        } else if (inspector.certificateValidUntil() == null) {
            reasons.add("执法证有效期未登记");
        } else if (inspector.certificateValidUntil().isBefore(day)) {
            reasons.add("执法证已于 " + inspector.certificateValidUntil() + " 过期");
        }
        if (!hasAccount) {
            reasons.add("没有工号为 " + inspector.staffNo() + " 的平台登录账号，无法在任务列表中办理检查");
        }
        return new Drawability(reasons.isEmpty(), List.copyOf(reasons));
    }
}
