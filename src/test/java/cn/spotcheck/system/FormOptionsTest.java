package cn.spotcheck.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.spotcheck.SpotCheckIntegrationTest;
import cn.spotcheck.followup.FollowUpKind;
import cn.spotcheck.inspection.ResultCategories;

/**
 * The lists a Tasklist form offers are typed into its {@code .form} file by whoever edits it in Modeler; the platform
 * keeps the same lists as data or as enums. An option the platform does not know would be refused on completion,
 * and one it knows but the form lacks could never be chosen: each list must equal its source.
 */
@SpotCheckIntegrationTest
class FormOptionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ResultCategories resultCategories;

    @Test
    void resultEntryOffersExactlyTheStandardResultCategoriesInTheirOrder() throws IOException {
        Map<String, String> offered = options("result-entry", "resultCategory");

        assertThat(List.copyOf(offered.keySet()))
                .isEqualTo(resultCategories.all().stream().map(ResultCategories.Category::name).toList());
        offered.forEach((value, label) -> assertThat(label).as("选项 %s 的显示文字", value).isEqualTo(value));
    }

    @Test
    void decideFollowUpOffersEveryKindSomeoneCanChooseWithItsName() throws IOException {
        Map<String, String> offered = options("decide-follow-up", "followUpKind");

        Map<String, String> choosable = new LinkedHashMap<>();
        Arrays.stream(FollowUpKind.values()).filter(k -> k != FollowUpKind.DECIDE).forEach(k -> choosable.put(k.name(), k.displayName()));
        assertThat(offered).containsExactlyEntriesOf(choosable);
    }

    @Test
    void everyFollowUpACategoryCallsForIsAKindTheFollowUpDiagramRoutes() throws IOException {
        String diagram = Files.readString(Path.of("processes/follow-up.bpmn"));

        for (ResultCategories.Category category : resultCategories.all()) {
            if (!"NONE".equals(category.followUp())) {
                assertThat(FollowUpKind.valueOf(category.followUp())).as(category.name()).isNotNull();
            }
        }
        for (FollowUpKind kind : FollowUpKind.values()) {
            assertThat(diagram).as("后续处置流程的分支 %s", kind).contains("${followUpKind == '" + kind.name() + "'}");
        }
    }

    /** The options of the select {@code key} of {@code forms/<form>.form}: value to label, in the form's order. */
    private static Map<String, String> options(String form, String key) throws IOException {
        JsonNode root = JSON.readTree(Path.of("forms", form + ".form").toFile());
        List<JsonNode> found = new ArrayList<>();
        root.findParents("key").stream().filter(c -> key.equals(c.path("key").asText())).forEach(found::add);
        assertThat(found).as("表单 %s 中的字段 %s", form, key).hasSize(1);
        Map<String, String> options = new LinkedHashMap<>();
        found.get(0).path("values").forEach(v -> options.put(v.path("value").asText(), v.path("label").asText()));
        assertThat(options).as("表单 %s 的字段 %s 列出选项", form, key).isNotEmpty();
        return options;
    }
}
