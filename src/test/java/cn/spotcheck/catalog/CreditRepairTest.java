package cn.spotcheck.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;
import cn.spotcheck.calendar.BureauTime;

/**
 * 结果运用: a finding lowers a target's credit level and puts it under 重点监管 at C; once put right and six months
 * without a new finding have passed, the morning's 信用修复 gives the level back and takes the tag off — not before.
 */
@SpotCheckIntegrationTest
class CreditRepairTest {

    private static final java.util.concurrent.atomic.AtomicInteger SERIAL = new java.util.concurrent.atomic.AtomicInteger(8_870_000);

    @Autowired
    CreditRecords credit;
    @Autowired
    TestRestTemplate http;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aFindingPutRightIsRepairedAfterThePeriodAndNotBefore() {
        long targetId = targetAt("B");
        at("2027-03-01T10:00");
        credit.record(targetId, "JC-CR-1", "发现问题已责令改正");
        assertThat(target(targetId).get("creditLevel").asText()).isEqualTo("C");
        assertThat(tags(targetId)).contains("重点监管");
        credit.record(targetId, "JC-CR-1", "发现问题已责令改正");
        assertThat(target(targetId).get("creditLevel").asText()).as("the same finding twice moves nothing").isEqualTo("C");

        at("2027-10-01T08:00");
        credit.repairDue();
        assertThat(target(targetId).get("creditLevel").asText()).as("not put right yet").isEqualTo("C");

        at("2027-04-10T10:00");
        credit.putRight("JC-CR-1", "责令改正，已整改到位");
        at("2027-08-31T08:00");
        credit.repairDue();
        assertThat(target(targetId).get("creditLevel").asText()).as("six months not passed").isEqualTo("C");

        at("2027-09-02T08:00");
        assertThat(credit.repairDue()).isGreaterThanOrEqualTo(1);
        assertThat(target(targetId).get("creditLevel").asText()).isEqualTo("B");
        assertThat(tags(targetId)).doesNotContain("重点监管");
        assertThat(credit.of(targetId)).singleElement().satisfies(e -> {
            assertThat(e.levelBefore()).isEqualTo("B");
            assertThat(e.levelAfter()).isEqualTo("C");
            assertThat(e.putRightBy()).isEqualTo("责令改正，已整改到位");
            assertThat(e.repairedAt()).isNotNull();
        });
        JsonNode history = http.withBasicAuth("fagui", "demo").getForObject("/api/targets/" + targetId + "/history", JsonNode.class);
        assertThat(history.toString()).contains("信用修复");
        credit.repairDue();
        assertThat(target(targetId).get("creditLevel").asText()).as("repaired once").isEqualTo("B");
    }

    @Test
    void aNewerFindingHoldsTheRepairOfAnOlderOne() {
        long targetId = targetAt("A");
        at("2027-01-05T10:00");
        credit.record(targetId, "JC-CR-2", "发现问题待后续处理");
        credit.putRight(targetId, "检查 JC-CR-3 未发现问题");
        at("2027-05-05T10:00");
        credit.record(targetId, "JC-CR-4", "不配合检查情节严重");
        assertThat(target(targetId).get("creditLevel").asText()).isEqualTo("C");

        at("2027-08-01T08:00");
        credit.repairDue();
        assertThat(target(targetId).get("creditLevel").asText()).as("the newer finding is not put right").isEqualTo("C");
        assertThat(credit.repeatedFindings(java.time.Instant.parse("2026-08-01T00:00:00Z"), 2)).as("预警: two findings within twelve months")
                .anySatisfy(w -> {
                    assertThat(w.targetId()).isEqualTo(targetId);
                    assertThat(w.findings()).isEqualTo(2);
                });
        assertThat(credit.repeatedFindings(java.time.Instant.parse("2027-03-01T00:00:00Z"), 2)).noneMatch(w -> w.targetId() == targetId);
    }

    /** A target of its own, so that no other test's findings stand in its record. */
    private long targetAt(String level) {
        long id = http.withBasicAuth("fagui", "demo").postForObject("/api/targets", Map.of("uscc", Fixtures.uscc(SERIAL.incrementAndGet()),
                "name", "信用修复测试运输有限公司" + SERIAL.get(), "category", "公路货运", "region", "朝阳区", "creditLevel", level),
                JsonNode.class).get("id").asLong();
        assertThat(target(id).get("creditLevel").asText()).isEqualTo(level);
        return id;
    }

    private JsonNode target(long id) {
        return http.withBasicAuth("fagui", "demo").getForObject("/api/targets/" + id, JsonNode.class);
    }

    private String tags(long id) {
        return target(id).get("tags").toString();
    }

    private static void at(String beijing) {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(java.time.LocalDateTime.parse(beijing), BureauTime.ZONE).toInstant()));
    }
}
