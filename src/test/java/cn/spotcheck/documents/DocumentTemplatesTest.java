package cn.spotcheck.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.velocity.VelocityContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.spotcheck.system.Bureau;

/**
 * A bureau rewords a document by dropping its own template in a directory; a broken one does not stop the notices.
 * (Public, as is its {@code Item}: Velocity calls only public methods of public classes.)
 */
public class DocumentTemplatesTest {

    public record Item(String code, String name, String legalBasis) {
    }

    @TempDir
    Path overrides;

    @Test
    void theBureausOwnTemplateComesFirstAndItsStyleIsSharedByTheBuiltInOnes() throws Exception {
        Files.writeString(overrides.resolve("inspection-notice.vm"), "<h1>本局自拟：$esc.html($targetName)</h1>");
        Files.writeString(overrides.resolve("_style.vm"), "<style>body { font-family: \"FangSong\"; }</style>");

        DocumentTemplates templates = new DocumentTemplates(overrides);

        assertThat(templates.render("inspection-notice", notice())).isEqualTo("<h1>本局自拟：某某&lt;运输&gt;公司</h1>");
        assertThat(templates.render("handover-letter", letter())).contains("FangSong");
    }

    @Test
    void aTemplateThatDoesNotParseOrNamesAnUnknownValueFallsBackToTheBuiltInOne() throws Exception {
        Files.writeString(overrides.resolve("inspection-notice.vm"), "#if($targetName 未闭合");
        Files.writeString(overrides.resolve("handover-letter.vm"), "$noSuchValue");

        DocumentTemplates templates = new DocumentTemplates(overrides);

        assertThat(templates.render("inspection-notice", notice())).contains("随机抽查检查通知书", "某某&lt;运输&gt;公司");
        assertThat(templates.render("handover-letter", letter())).contains("<html");
    }

    @Test
    void withoutADirectoryTheBuiltInTemplatesServe() {
        assertThat(new DocumentTemplates(overrides.resolve("absent")).render("inspection-notice", notice())).contains("随机抽查检查通知书");
    }

    private static VelocityContext notice() {
        VelocityContext context = common();
        context.put("code", "JC-1-00001");
        context.put("targetName", "某某<运输>公司");
        context.put("targetCode", "91220101MA0000000X");
        context.put("taskStart", "2027-04-01");
        context.put("taskEnd", "2027-10-31");
        context.put("items", List.of(new Item("JT-WX-01", "机动车维修经营者备案及经营行为检查", "《道路运输条例》")));
        context.put("inspectors", List.of("张三（执法证号 1）", "李四（执法证号 2）"));
        return context;
    }

    private static VelocityContext letter() {
        VelocityContext context = common();
        context.put("code", "JC-1-00001");
        context.put("department", "市市场监督管理局");
        context.put("targetName", "某某运输公司");
        context.put("targetCode", "91220101MA0000000X");
        context.put("findings", "超范围经营");
        return context;
    }

    private static VelocityContext common() {
        VelocityContext context = new VelocityContext();
        context.put("esc", new Documents.HtmlEscape());
        context.put("title", "文书");
        context.put("today", LocalDate.of(2027, 4, 1));
        context.put("bureau", new Bureau("长春市交通运输局", null, null, "长交"));
        context.put("number", "长交检通〔2027〕1号");
        return context;
    }
}
