package cn.spotcheck.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;

/** The edit forms of the inspector and item screens save, and the change shows in the record's history. */
@SpotCheckIntegrationTest
class CatalogPagesTest {


    @Autowired
    TestRestTemplate http;

    @Test
    void anInspectorIsEditedOnItsPage() {
        long id = http.withBasicAuth("fagui", "demo").getForObject("/api/inspectors?q=zf012", JsonNode.class)
                .get("content").get(0).get("id").asLong();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("staffNo", "zf012");
        form.add("name", "李杰");
        form.add("department", "综合执法支队");
        form.add("position", "副科长");
        form.add("certificateNo", "22000012");
        form.add("certificateValidUntil", "2029-06-30");
        form.add("enforcementYears", "9");
        form.add("expertise", "道路货运、危险货物运输");
        form.add("status", "在岗");
        ResponseEntity<String> saved = postForm("/catalog/inspectors/" + id, form);
        assertThat(saved.getStatusCode().isError()).as("saved, then redirected to the record").isFalse();

        JsonNode inspector = http.withBasicAuth("fagui", "demo").getForObject("/api/inspectors/" + id, JsonNode.class);
        assertThat(inspector.get("position").asText()).isEqualTo("副科长");
        assertThat(inspector.get("expertise")).extracting(JsonNode::asText).containsExactly("道路货运", "危险货物运输");
        JsonNode history = http.withBasicAuth("fagui", "demo").getForObject("/api/inspectors/" + id + "/history", JsonNode.class);
        assertThat(history.get(0).get("changes").toString()).contains("职务").contains("副科长");
    }

    @Test
    void anItemIsEditedOnItsPageAndTheListGetsANewVersion() {
        JsonNode item = http.withBasicAuth("fagui", "demo").getForObject("/api/items", JsonNode.class).get(0);
        int before = http.withBasicAuth("fagui", "demo").getForObject("/api/item-list/versions", JsonNode.class).get(0).get("version").asInt();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("code", item.get("code").asText());
        form.add("name", item.get("name").asText() + "（页面修订）");
        form.add("type", item.get("type").asText());
        item.get("categories").forEach(c -> form.add("categories", c.asText()));
        form.add("legalBasis", item.get("legalBasis").asText());
        form.add("department", item.get("department").asText());
        form.add("expertise", String.join("、", List.of(item.get("expertise").get(0).asText())));
        form.add("defaultRatio", item.get("defaultRatio").asText());
        form.add("jointCheckable", "true");
        assertThat(postForm("/catalog/items/" + item.get("id").asLong(), form).getStatusCode().isError()).isFalse();
        assertThat(http.withBasicAuth("fagui", "demo").getForObject("/api/item-list/versions", JsonNode.class).get(0).get("version").asInt())
                .isEqualTo(before + 1);
    }

    /** As a browser does: the page's session and CSRF token, then the form post. */
    private ResponseEntity<String> postForm(String path, MultiValueMap<String, String> form) {
        return Fixtures.postPageForm(http, "fagui", path, path, form);
    }
}
