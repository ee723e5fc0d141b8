package cn.spotcheck.catalog;

import java.time.Instant;

/** One version of the item list: when, by whom and what changed. */
public record ItemListVersion(int version, Instant createdAt, String createdBy, String summary) {
}
