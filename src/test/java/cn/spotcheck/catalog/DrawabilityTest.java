package cn.spotcheck.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class DrawabilityTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 4, 1);

    private static InspectorData inspector(String certificateNo, LocalDate validUntil, String status) {
        return new InspectorData("zf100", "王伟", "运输管理科", "执法员", certificateNo, validUntil, 5, List.of("道路货运"), status);
    }

    @Test
    void onDutyWithAValidCertificateIsDrawable() {
        assertThat(Drawability.of(inspector("22000001", TODAY, "在岗"), TODAY, true).drawable()).isTrue();
    }

    @Test
    void anExpiredCertificateTakesTheInspectorOutAtOnce() {
        Drawability d = Drawability.of(inspector("22000001", TODAY.minusDays(1), "在岗"), TODAY, true);
        assertThat(d.drawable()).isFalse();
        assertThat(d.reasons()).containsExactly("执法证已于 2026-03-31 过期");
    }

    @Test
    void leavingRetiringOrSuspensionTakeTheInspectorOut() {
        for (String status : List.of("离岗", "退休", "暂停")) {
            Drawability d = Drawability.of(inspector("22000001", TODAY.plusYears(1), status), TODAY, true);
            assertThat(d.drawable()).as(status).isFalse();
            assertThat(d.reasons()).containsExactly("状态为“" + status + "”，不在岗");
        }
    }

    @Test
    void noCertificateNoDraw() {
        Drawability d = Drawability.of(inspector(null, null, "退休"), TODAY, true);
        assertThat(d.reasons()).containsExactly("状态为“退休”，不在岗", "无行政执法证");
    }

    @Test
    void withoutALoginTheTaskCouldNeverBeWorked() {
        Drawability d = Drawability.of(inspector("22000001", TODAY.plusYears(1), "在岗"), TODAY, false);
        assertThat(d.drawable()).isFalse();
        assertThat(d.reasons()).containsExactly("没有工号为 zf100 的平台登录账号，无法在任务列表中办理检查");
    }
}
