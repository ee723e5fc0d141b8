package cn.spotcheck.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** An item of the list as the API, the screens and a plan's snapshot show it. */
public record ItemView(long id, String code, String name, ItemType type, List<String> categories, String legalBasis,
                       String department, List<String> expertise, BigDecimal defaultRatio, boolean jointCheckable,
                       boolean active) {

    Map<String, Object> snapshot() {
        return Target.ordered("code", code, "name", name, "type", type.name(), "categories", categories,
                "legalBasis", legalBasis, "department", department, "expertise", expertise,
                "defaultRatio", defaultRatio == null ? null : defaultRatio.stripTrailingZeros().toPlainString(),
                "jointCheckable", jointCheckable, "active", active);
    }
}
