package cn.spotcheck.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.spotcheck.SpotCheckIntegrationTest;
import cn.spotcheck.catalog.CatalogVocabulary;
import cn.spotcheck.catalog.ItemList;
import cn.spotcheck.system.ApiException;

/**
 * 重点 (KEY) items outside 两客一危 are checked at a higher ratio that the bureau sets
 * ({@code spotcheck.rules.key-item-min-ratio}, 100 % unless set); 两客一危 stays at 100 % whatever the setting.
 */
@SpotCheckIntegrationTest
class KeyItemRatioTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskRules shipped;
    @Autowired
    ItemList items;
    @Autowired
    CatalogVocabulary vocabulary;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theKeyMinimumIsASettingAndTwoPassengersOneDangerStaysFull() {
        if (items.byCode("JT-ZD-99").isEmpty()) {
            http.withBasicAuth("fagui", "demo").postForObject("/api/items", Map.of("code", "JT-ZD-99", "name", "重点货运企业安全生产检查",
                    "type", "KEY", "categories", List.of("公路货运"), "legalBasis", "《道路运输条例》", "department", "运输管理科"), String.class);
        }
        assertThatThrownBy(() -> shipped.validate(2027, task("JT-ZD-99", "公路货运", "0.5")))
                .isInstanceOf(ApiException.class).hasMessageContaining("重点检查事项").hasMessageContaining("100%");

        TaskRules thirtyPercent = new TaskRules(items, vocabulary, jdbc, new BigDecimal("0.3"));
        assertThat(thirtyPercent.validate(2027, task("JT-ZD-99", "公路货运", "0.5"))).isNotNull();
        assertThatThrownBy(() -> thirtyPercent.validate(2027, task("JT-ZD-99", "公路货运", "0.2")))
                .hasMessageContaining("不应低于 30%");
        assertThatThrownBy(() -> thirtyPercent.validate(2027, task("JT-WH-01", "危险货物道路运输", "0.5")))
                .hasMessageContaining("两客一危").hasMessageContaining("100%");
    }

    private static TaskInput task(String item, String category, String ratio) {
        return new TaskInput("重点事项抽查", List.of(item), new TaskInput.Filter(List.of(category), List.of(), List.of()),
                new BigDecimal(ratio), 2, "2027-04-01", "2027-10-31", "SECTOR_OWN", List.of(), false, null);
    }
}
