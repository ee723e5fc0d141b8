package cn.spotcheck.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.spotcheck.system.ApiException;

class SpreadsheetReaderTest {

    private final List<List<String>> headers = new ArrayList<>();
    private final List<SpreadsheetRow> rows = new ArrayList<>();

    private void read(String name, byte[] bytes) {
        SpreadsheetReader.read(name, new ByteArrayInputStream(bytes), headers::add, rows::add);
    }

    @Test
    void readsUtf8CsvWithQuotesCommasAndLineBreaks() {
        read("a.csv", "\uFEFF名称,地址\n\"长春,顺达\",\"人民大街\n1号\"\n\"说\"\"明\",x\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(headers).containsExactly(List.of("名称", "地址"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).cells()).containsExactly("长春,顺达", "人民大街\n1号");
        assertThat(rows.get(0).number()).isEqualTo(2);
        assertThat(rows.get(1).cells()).containsExactly("说\"明", "x");
        assertThat(rows.get(1).number()).isEqualTo(4);
    }

    @Test
    void readsGbkCsvAsExcelSavesItOnChineseWindows() {
        read("b.csv", "名称,类别\n长春顺达物流有限公司,公路货运\n".getBytes(Charset.forName("GBK")));
        assertThat(headers.get(0)).containsExactly("名称", "类别");
        assertThat(rows.get(0).cells()).containsExactly("长春顺达物流有限公司", "公路货运");
    }

    @Test
    void detectsUtf8EvenWhenTheSampleEndsInsideACharacter() {
        StringBuilder csv = new StringBuilder("名称\n");
        while (csv.length() < 40_000) {
            csv.append("长春顺达物流有限公司\n");
        }
        read("big.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(rows).allSatisfy(r -> assertThat(r.cells()).containsExactly("长春顺达物流有限公司"));
    }

    @Test
    void readsXlsx() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SpreadsheetExport.write(out, "表", List.of("名称", "年限"), sink -> {
            sink.accept(List.of("长春顺达", 3));
            sink.accept(List.of("吉通", 12));
        });
        read("c.xlsx", out.toByteArray());
        assertThat(headers.get(0)).containsExactly("名称", "年限");
        assertThat(rows).extracting(SpreadsheetRow::number).containsExactly(2, 3);
        assertThat(rows.get(1).cell(0)).isEqualTo("吉通");
        assertThat(rows.get(1).cell(1)).isEqualTo("12");
    }

    @Test
    void refusesWhatIsNotASpreadsheetWithAClearMessage() {
        assertThatThrownBy(() -> read("x.csv", new byte[0])).isInstanceOf(ApiException.class).hasMessageContaining("空");
        assertThatThrownBy(() -> read("x.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}))
                .hasMessageContaining(".xlsx");
        assertThatThrownBy(() -> read("x.pdf", new byte[] {'%', 'P', 'D', 'F', 0, 1, 2}))
                .hasMessageContaining("不是 .xlsx 或 .csv");
        assertThatThrownBy(() -> read("x.xlsx", new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2, 3}))
                .hasMessageContaining("无法解析");
    }
}
