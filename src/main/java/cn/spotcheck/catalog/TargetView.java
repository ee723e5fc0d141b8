package cn.spotcheck.catalog;

import java.time.Instant;
import java.util.List;

/** A target as the API and the screens show it. */
public record TargetView(long id, String uscc, String registrationNo, String name, String category, String region,
                         String address, String legalRepresentative, String status, String creditLevel,
                         String creditLevelName, List<String> tags, Instant updatedAt, long version) {
}
