package cn.spotcheck.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.SpotCheckIntegrationTest;

/** The catalog's edges as the README lists them (API summary), called the way an outside client calls them. */
@SpotCheckIntegrationTest
class CatalogApiTest {

    @Autowired
    TestRestTemplate http;

    private TestRestTemplate fagui() {
        return http.withBasicAuth("fagui", "demo");
    }

    static String uscc(int serial) {
        return DemoDirectory.uscc("51", "220102", 90_000 + serial);
    }

    private static Map<String, Object> target(String uscc, String name) {
        return Map.of("uscc", uscc, "name", name, "category", "公路货运", "region", "南关区", "creditLevel", "B",
                "tags", List.of("新设立"), "status", "在营");
    }

    @Test
    void createsATargetAndFindsItByNameFragmentOrCode() {
        String code = uscc(1);
        ResponseEntity<JsonNode> created = fagui().postForEntity("/api/targets", target(code, "长春接口测试物流有限公司"), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = created.getBody().get("id").asLong();
        assertThat(id).isPositive();

        JsonNode byName = fagui().getForObject("/api/targets?q={q}&category={c}", JsonNode.class, "接口测试物流", "公路货运");
        assertThat(byName.get("totalElements").asLong()).isEqualTo(1);
        assertThat(byName.get("content").get(0).get("uscc").asText()).isEqualTo(code);
        assertThat(byName.get("content").get(0).get("id").asLong()).isEqualTo(id);

        JsonNode byCode = fagui().getForObject("/api/targets?q={q}", JsonNode.class, code.toLowerCase());
        assertThat(byCode.get("content").get(0).get("name").asText()).isEqualTo("长春接口测试物流有限公司");

        JsonNode filtered = fagui().getForObject("/api/targets?category=公路货运&region=南关区&creditLevel=B&size=5", JsonNode.class);
        assertThat(filtered.get("content")).hasSizeLessThanOrEqualTo(5);
        assertThat(filtered.get("content")).allSatisfy(t -> {
            assertThat(t.get("category").asText()).isEqualTo("公路货运");
            assertThat(t.get("region").asText()).isEqualTo("南关区");
            assertThat(t.get("creditLevel").asText()).isEqualTo("B");
        });
    }

    @Test
    void aBadCodeIs400OnFieldUsccAndADuplicateIs409() {
        String good = uscc(2);
        String bad = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        ResponseEntity<JsonNode> refused = fagui().postForEntity("/api/targets", target(bad, "错误代码公司"), JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors").get(0).get("field").asText()).isEqualTo("uscc");
        assertThat(refused.getBody().get("message").asText()).contains("第 18 位校验码");

        assertThat(fagui().postForEntity("/api/targets", target(good, "首次登记公司"), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        ResponseEntity<JsonNode> duplicate = fagui().postForEntity("/api/targets", target(good, "重复登记公司"), JsonNode.class);
        assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(duplicate.getBody().get("message").asText()).contains("首次登记公司");
    }

    @Test
    void everyBadFieldIsNamedInChinese() {
        Map<String, Object> body = Map.of("uscc", uscc(3), "name", "", "category", "飞机", "region", "南关区",
                "creditLevel", "Z", "tags", List.of("不存在的标注"), "status", "营业中");
        JsonNode refused = fagui().postForEntity("/api/targets", body, JsonNode.class).getBody();
        assertThat(refused.get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("name", "category", "creditLevel", "tags", "status");
        assertThat(refused.toString()).contains("名称不能为空").contains("类别“飞机”不在名录中").doesNotContain("Exception");
    }

    @Test
    void anIndividualOperatorMayUseAnotherRegistrationNumber() {
        Map<String, Object> body = Map.of("uscc", "220102600999001", "name", "南关王建国货运部", "category", "行业个体经营者",
                "region", "南关区", "creditLevel", "守信", "tags", List.of("个体工商户"), "status", "在营");
        JsonNode created = fagui().postForEntity("/api/targets", body, JsonNode.class).getBody();
        assertThat(created.get("registrationNo").asText()).isEqualTo("220102600999001");
        assertThat(created.get("uscc").isNull()).isTrue();
        assertThat(created.get("creditLevel").asText()).as("a level may be given by its name").isEqualTo("A");

        Map<String, Object> company = Map.of("uscc", "220102600999002", "name", "某公司", "category", "公路货运",
                "region", "南关区", "creditLevel", "B", "tags", List.of(), "status", "在营");
        assertThat(fagui().postForEntity("/api/targets", company, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void changesAreKeptWithWhoWhenAndOldAndNew() {
        long id = fagui().postForEntity("/api/targets", target(uscc(4), "历史测试物流有限公司"), JsonNode.class).getBody().get("id").asLong();
        Map<String, Object> changed = Map.of("uscc", uscc(4), "name", "历史测试物流有限公司", "category", "公路货运",
                "region", "南关区", "creditLevel", "C", "tags", List.of("新设立"), "status", "在营");
        fagui().put("/api/targets/" + id, changed);

        JsonNode history = fagui().getForObject("/api/targets/" + id + "/history", JsonNode.class);
        assertThat(history).hasSize(2);
        JsonNode latest = history.get(0);
        assertThat(latest.get("actionName").asText()).isEqualTo("修改");
        assertThat(latest.get("changedBy").asText()).isEqualTo("fagui");
        assertThat(latest.get("changedAt").asText()).endsWith("+08:00");
        assertThat(latest.get("changes")).hasSize(1);
        assertThat(latest.get("changes").get(0).get("label").asText()).isEqualTo("信用等级");
        assertThat(latest.get("changes").get(0).get("oldValue").asText()).isEqualTo("B");
        assertThat(latest.get("changes").get(0).get("newValue").asText()).isEqualTo("C");
        assertThat(history.get(1).get("actionName").asText()).isEqualTo("新增");
    }

    @Test
    void inspectorsSayWhetherAndWhyTheyCanBeDrawn() {
        Map<String, Object> expired = Map.of("staffNo", "T9001", "name", "过期证", "department", "运输管理科", "position", "执法员",
                "certificateNo", "22990001", "certificateValidUntil", "2020-12-31", "enforcementYears", 3,
                "expertise", List.of("道路货运"), "status", "在岗");
        assertThat(fagui().postForEntity("/api/inspectors", expired, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode found = fagui().getForObject("/api/inspectors?q=T9001", JsonNode.class).get("content").get(0);
        assertThat(found.get("drawable").asBoolean()).isFalse();
        assertThat(found.get("notDrawableReasons").get(0).asText()).contains("2020-12-31").contains("过期");

        JsonNode demoOfficer = fagui().getForObject("/api/inspectors?q=zf001", JsonNode.class).get("content").get(0);
        assertThat(demoOfficer.get("drawable").asBoolean()).isTrue();
        JsonNode retired = fagui().getForObject("/api/inspectors?q=zf041", JsonNode.class).get("content").get(0);
        assertThat(retired.get("status").asText()).isEqualTo("退休");
        assertThat(retired.get("drawable").asBoolean()).isFalse();

        ResponseEntity<JsonNode> duplicate = fagui().postForEntity("/api/inspectors", expired, JsonNode.class);
        assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        Map<String, Object> badDate = Map.of("staffNo", "T9002", "name", "日期错", "department", "运输管理科",
                "certificateNo", "1", "certificateValidUntil", "2026-02-30", "status", "在岗");
        JsonNode refused = fagui().postForEntity("/api/inspectors", badDate, JsonNode.class).getBody();
        assertThat(refused.get("errors").get(0).get("field").asText()).isEqualTo("certificateValidUntil");
    }

    @Test
    void aRecusalIsDeclaredAgainstATarget() {
        long inspectorId = fagui().getForObject("/api/inspectors?q=zf002", JsonNode.class).get("content").get(0).get("id").asLong();
        long targetId = fagui().getForObject("/api/targets?size=1", JsonNode.class).get("content").get(0).get("id").asLong();
        ResponseEntity<JsonNode> declared = fagui().postForEntity("/api/inspectors/" + inspectorId + "/recusals",
                Map.of("targetId", targetId, "relation", "近亲属", "reason", "弟弟在该企业任职"), JsonNode.class);
        assertThat(declared.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(declared.getBody().get("declaredBy").asText()).isEqualTo("fagui");

        ResponseEntity<JsonNode> noTarget = fagui().postForEntity("/api/inspectors/" + inspectorId + "/recusals",
                Map.of("targetId", 999_999_999, "relation", "近亲属", "reason", "x"), JsonNode.class);
        assertThat(noTarget.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noTarget.getBody().get("errors").get(0).get("field").asText()).isEqualTo("targetId");
    }

    @Test
    void theItemListIsVersionedAndOldVersionsStayReadable() {
        Map<String, Object> item = Map.of("code", "T-ITEM-1", "name", "测试事项", "type", "GENERAL",
                "categories", List.of("公路货运"), "legalBasis", "《中华人民共和国道路运输条例》第二十一条",
                "department", "运输管理科", "expertise", List.of("道路货运"));
        ResponseEntity<JsonNode> created = fagui().postForEntity("/api/items", item, JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = created.getBody().get("id").asLong();
        int versionWithOriginal = fagui().getForObject("/api/item-list/versions", JsonNode.class).get(0).get("version").asInt();

        Map<String, Object> renamed = new java.util.HashMap<>(item);
        renamed.put("name", "测试事项（修订）");
        fagui().put("/api/items/" + id, renamed);

        int latest = fagui().getForObject("/api/item-list/versions", JsonNode.class).get(0).get("version").asInt();
        assertThat(latest).isEqualTo(versionWithOriginal + 1);
        JsonNode old = fagui().getForObject("/api/item-list/versions/" + versionWithOriginal, JsonNode.class);
        assertThat(old.toString()).contains("\"测试事项\"").doesNotContain("测试事项（修订）");
        JsonNode now = fagui().getForObject("/api/item-list/versions/" + latest, JsonNode.class);
        assertThat(now.toString()).contains("测试事项（修订）");

        Map<String, Object> badRatio = new java.util.HashMap<>(item);
        badRatio.put("code", "T-ITEM-2");
        badRatio.put("defaultRatio", 0.5);
        JsonNode refused = fagui().postForEntity("/api/items", badRatio, JsonNode.class).getBody();
        assertThat(refused.get("errors").get(0).get("field").asText()).isEqualTo("defaultRatio");
        assertThat(refused.get("message").asText()).contains("3%").contains("20%");
    }

    @Test
    void onlyLegalStaffAndAdministratorsChangeTheCatalog() {
        ResponseEntity<JsonNode> inspector = http.withBasicAuth("zf001", "demo")
                .postForEntity("/api/targets", target(uscc(5), "越权公司"), JsonNode.class);
        assertThat(inspector.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(inspector.getBody().get("message").asText()).contains("无权");
        assertThat(http.withBasicAuth("zf001", "demo").getForEntity("/api/targets?size=1", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/api/targets", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("admin", "demo").postForEntity("/api/targets", target(uscc(6), "管理员登记公司"), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aMissingRecordIs404InChinese() {
        ResponseEntity<JsonNode> missing = fagui().getForEntity("/api/targets/999999999", JsonNode.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getBody().get("message").asText()).contains("不存在");
        assertThat(fagui().getForEntity("/api/targets?page=abc", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
