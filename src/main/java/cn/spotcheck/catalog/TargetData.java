package cn.spotcheck.catalog;

import java.util.List;
import java.util.Map;

/**
 * A target's fields as validated: {@code uscc} is the normalised 统一社会信用代码, or null for an individual operator
 * registered under {@code registrationNo} instead.
 */
record TargetData(String uscc, String registrationNo, String name, String category, String region,
                         String address, String legalRepresentative, String status, String creditLevel,
                         List<String> tags) {

    /** The identifying key used for upserts: the USCC, or the other registration number. */
    public String key() {
        return uscc != null ? uscc : registrationNo;
    }

    Map<String, Object> snapshot() {
        return Target.ordered("uscc", uscc, "registrationNo", registrationNo, "name", name, "category", category,
                "region", region, "address", address, "legalRepresentative", legalRepresentative, "status", status,
                "creditLevel", creditLevel, "tags", tags);
    }
}
