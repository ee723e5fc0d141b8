package cn.spotcheck.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.SpotCheckIntegrationTest;

/** The edit forms of the inspector and item screens save, and the change shows in the record's history. */
@SpotCheckIntegrationTest
class CatalogPagesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

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
        ResponseEntity<String> page = http.withBasicAuth("fagui", "demo").getForEntity(path, String.class);
        Matcher token = CSRF.matcher(page.getBody());
        assertThat(token.find()).as("the page carries a CSRF token").isTrue();
        form.add("_csrf", token.group(1));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, page.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0]);
        return http.withBasicAuth("fagui", "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers), String.class, Map.of());
    }
}
