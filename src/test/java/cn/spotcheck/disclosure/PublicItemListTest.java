package cn.spotcheck.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.SpotCheckIntegrationTest;

/** Anyone reads the item list in force (name, type, targets, legal basis, department) and each earlier version. */
@SpotCheckIntegrationTest
class PublicItemListTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void theListInForceAndItsEarlierVersionsArePublic() {
        JsonNode item = http.withBasicAuth("fagui", "demo").getForObject("/api/items", JsonNode.class).get(0);
        ResponseEntity<String> page = http.getForEntity("/public/items", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("现行清单", item.get("name").asText(), item.get("legalBasis").asText(),
                item.get("department").asText(), "一般检查事项", "历次版本");

        ResponseEntity<String> first = http.getForEntity("/public/items?version=1", String.class);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody()).contains("第 1 版清单（已被后续版本取代）");

        ResponseEntity<String> missing = http.getForEntity("/public/items?version=99999", String.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getBody()).contains("事项清单第 99999 版不存在");
        assertThat(http.getForEntity("/public/items?version=abc", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
