package cn.spotcheck.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void whatUsersTypedStaysTextInATableCell() {
        String table = Markdown.table(List.of("检查对象", "记录"),
                List.of(List.of("[点此核对](javascript:alert(1)) | *远航*\n第二行", new Markdown.Raw(Markdown.link("检查记录", "/inspections/JC-1")))));
        assertThat(table).contains("\\[点此核对\\]\\(javascript:alert\\(1\\)\\) \\| \\*远航\\* 第二行")
                .contains("[检查记录](/inspections/JC-1)")
                .doesNotContain("\n第二行");
    }

    @Test
    void linksLeadOnlyToThePlatformsOwnPages() {
        assertThat(Markdown.link("计划", "/plans/3")).isEqualTo("[计划](/plans/3)");
        assertThatThrownBy(() -> Markdown.link("外站", "https://example.com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Markdown.link("外站", "//example.com")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLongBriefStopsAtALineEndWithinACamundaStringAndSaysWhereTheRestIs() {
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            rows.add(List.of("任务 " + i, "JT-HY-01 道路货物运输经营者经营资质检查"));
        }
        String brief = Markdown.fit(Markdown.table(List.of("任务", "事项"), rows), "/plans/7");
        assertThat(brief.length()).isLessThanOrEqualTo(4000);
        assertThat(brief).endsWith("完整内容见 [详情页](/plans/7)。").contains("| 任务 1 |");
        assertThat(brief.lines().filter(l -> l.startsWith("|")).allMatch(l -> l.endsWith("|"))).as("no row cut in half").isTrue();
    }

    @Test
    void briefsAreKnownByTheirNames() {
        assertThat(Markdown.isBrief("planBrief")).isTrue();
        assertThat(Markdown.isBrief("targetName")).isFalse();
    }
}
