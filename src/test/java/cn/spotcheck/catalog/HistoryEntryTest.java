package cn.spotcheck.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class HistoryEntryTest {

    @Test
    void aChangeReadsInChineseNotAsTheStoredCodes() {
        assertThat(new HistoryEntry.FieldChange("type", "事项类型", "GENERAL", "KEY").oldText()).isEqualTo("一般检查事项");
        assertThat(new HistoryEntry.FieldChange("type", "事项类型", "GENERAL", "KEY").newText()).isEqualTo("重点检查事项");
        assertThat(new HistoryEntry.FieldChange("active", "启用", true, false).oldText()).isEqualTo("是");
        assertThat(new HistoryEntry.FieldChange("active", "启用", true, false).newText()).isEqualTo("否");
        assertThat(new HistoryEntry.FieldChange("categories", "适用对象类别", List.of("公路货运", "公交"), null).oldText()).isEqualTo("公路货运、公交");
        assertThat(new HistoryEntry.FieldChange("categories", "适用对象类别", List.of("公路货运"), null).newText()).isEqualTo("（空）");
        assertThat(new HistoryEntry.FieldChange("defaultRatio", "默认抽查比例", 0.05, 0.1).newText()).isEqualTo("10 %");
    }
}
