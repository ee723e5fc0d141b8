package cn.spotcheck.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.spotcheck.plan.PlanView;
import cn.spotcheck.plan.TaskView;

/** An adjusted plan says, in the public's words, what it changed against the version before it. */
class PlanAdjustmentsTest {

    private static final ShownNames ITEMS = new ShownNames(Map.of("JT-HY-01", "道路货运经营资质检查（JT-HY-01）",
            "JT-WX-01", "机动车维修经营行为检查（JT-WX-01）"), null);

    @Test
    void addedWithdrawnAndMovedTermsAreNamed() {
        PlanView first = plan(0, task(1, "货运抽查", "JT-HY-01", "0.05", "2027-10-31"), task(2, "维修抽查", "JT-WX-01", "0.03", "2027-10-31"));
        PlanView second = plan(1, task(1, "货运抽查", "JT-HY-01", "0.08", "2027-11-15"), task(3, "驾培抽查", "JT-WX-01", "0.03", "2027-10-31"));

        assertThat(PlanAdjustments.between(first, second, ITEMS)).containsExactly(
                "新增任务：驾培抽查",
                "撤销任务：维修抽查",
                "调整任务“货运抽查”：抽查比例 5.0% → 8.0%；时间 2027-04-01 至 2027-10-31 → 2027-04-01 至 2027-11-15");
    }

    @Test
    void anUnchangedTaskListSaysNothing() {
        PlanView first = plan(0, task(1, "货运抽查", "JT-HY-01", "0.05", "2027-10-31"));
        assertThat(PlanAdjustments.between(first, plan(1, task(1, "货运抽查", "JT-HY-01", "0.05", "2027-10-31")), ITEMS)).isEmpty();
    }

    private static PlanView plan(int revision, TaskView... tasks) {
        return new PlanView(1, 2027, "公路管理科", "2027 年度抽查计划", "PUBLISHED", "已发布", revision, 1, "fagui", null, null,
                List.of(tasks), List.of());
    }

    private static TaskView task(long id, String name, String item, String ratio, String end) {
        return new TaskView(id, 1, name, List.of(item), new TaskView.TargetFilter(List.of("公路货运"), List.of(), List.of()),
                new BigDecimal(ratio), 2, LocalDate.parse("2027-04-01"), LocalDate.parse(end), "ON_SITE", "现场检查",
                List.of("公路管理科"), false, null, "PUBLISHED");
    }
}
