package cn.spotcheck.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.spotcheck.SpotCheckIntegrationTest;

/** Only an inspector linked to a login (same staff number) is drawable: the directory says why not. */
@SpotCheckIntegrationTest
class InspectorAccountTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    InspectorDirectory inspectors;

    @Test
    void anInspectorWithoutALoginIsNotDrawableAndTheDirectorySaysWhy() {
        TestRestTemplate fagui = http.withBasicAuth("fagui", "demo");
        JsonNode created = fagui.postForObject("/api/inspectors", Map.of("staffNo", "zf900", "name", "无账号执法员",
                "department", "运输管理科", "position", "科员", "certificateNo", "22009000", "certificateValidUntil", "2030-12-31",
                "enforcementYears", 3, "expertise", List.of("道路货运"), "status", "在岗"), JsonNode.class);
        JsonNode view = fagui.getForObject("/api/inspectors/" + created.get("id").asLong(), JsonNode.class);
        assertThat(view.get("drawable").asBoolean()).isFalse();
        assertThat(view.get("notDrawableReasons").toString()).contains("登录账号");
        assertThat(inspectors.drawablePool(java.time.LocalDate.of(2027, 6, 30), List.of(), false))
                .extracting(DrawableInspector::staffNo).doesNotContain("zf900").contains("zf001", "zf044");
        // The demo gives every inspector of its directory a login, zf041–zf044 included.
        for (String staffNo : List.of("zf041", "zf042", "zf043", "zf044")) {
            assertThat(inspectors.findByStaffNo(staffNo).orElseThrow().notDrawableReasons()).as(staffNo)
                    .noneMatch(reason -> reason.contains("登录账号"));
        }
    }
}
