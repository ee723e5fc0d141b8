package cn.spotcheck.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;
import cn.spotcheck.plan.AnnualPlans;

/**
 * 最低抽查频次: with 失信 (C) and 严重失信 (D) to be inspected at least once a year, a draw takes every C and D target of
 * its scope that has had no inspection for a year, whatever the ratio, says so per target, and recomputes from its
 * record alone; a C target inspected lately is left to the ratio like the rest of its level.
 */
@SpotCheckIntegrationTest
class MinimumFrequencyDrawTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TargetDraws targetDraws;
    @Autowired
    DrawSettings settings;
    @Autowired
    DrawViews draws;
    @Autowired
    DrawVerification verification;
    @Autowired
    AnnualPlans plans;
    @Autowired
    DrawStore store;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void distrustedTargetsDueForAnInspectionAreTakenWhateverTheRatio() {
        String category = jdbc.queryForObject("""
                select category from spotcheck.target where operating_status = '在营' and credit_level in ('C', 'D')
                group by category order by count(*) desc limit 1""", String.class);
        String item = jdbc.queryForObject("select code from spotcheck.inspection_item where ? = any(categories) and active "
                + "and item_type <> 'KEY' order by code limit 1", String.class, category);
        long task = Fixtures.publishedTask(http, taskService, "公路管理科", item, List.of(category), 0.03, "2027-03-01", "2027-11-30");
        long other = Fixtures.publishedTask(http, taskService, "公路管理科", item, List.of(category), 0.03, "2027-03-01", "2027-11-30");
        long inspectedLately = jdbc.queryForObject("select min(id) from spotcheck.target where category = ? and credit_level = 'C' "
                + "and operating_status = '在营'", Long.class, category);
        Fixtures.startInspection(runtimeService, "JC-ZD-1", other, inspectedLately, item, "zf001", "zf002");

        // Due, counted here from the records: C or D in scope, no inspection of any item within the year.
        Set<Long> due = new HashSet<>(jdbc.queryForList("""
                select t.id from spotcheck.target t where t.category = ? and t.operating_status = '在营' and t.credit_level in ('C', 'D')
                and not exists (select 1 from spotcheck.inspection i where i.target_id = t.id
                                and coalesce(i.inspection_end_date, i.created_at::date) >= current_date - interval '1 year')""",
                Long.class, category));
        assertThat(due).isNotEmpty().doesNotContain(inspectedLately);

        DrawSettings yearly = new DrawSettings(settings.mode(), settings.multipliers(), settings.absolute(), settings.recentWindowDays(),
                Map.of("C", Period.ofYears(1), "D", Period.ofYears(1)));
        long drawId = targetDraws.draw(task, yearly);
        DrawView draw = draws.byId(drawId);
        Set<Long> byMinimum = new HashSet<>();
        draw.strata().stream().filter(s -> s.stratum().endsWith("·最低频次")).forEach(s -> {
            assertThat(s.ratio()).isEqualByComparingTo("1");
            assertThat(s.rule()).contains("最低抽查频次");
            assertThat(s.drawn()).isEqualTo(s.candidates());
        });
        store.strata(drawId).stream().filter(s -> s.stratum().endsWith("·最低频次")).forEach(s -> byMinimum.addAll(s.drawnIds()));
        assertThat(byMinimum).as("every due 失信 target, and no other").isEqualTo(due);
        assertThat(draw.strata()).anySatisfy(s -> {
            assertThat(s.stratum()).isEqualTo("C");
            assertThat(s.rule()).isEqualTo("随机抽取");
        });
        assertThat(verification.verify(drawId).valid()).as("recomputed from the record alone").isTrue();
    }
}
