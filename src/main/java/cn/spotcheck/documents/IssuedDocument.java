package cn.spotcheck.documents;

import java.time.Instant;

/** A document as issued: what kind, about what (an inspection code), its title and its HTML; {@code supersededBy} names a newer one that replaced it. */
public record IssuedDocument(long id, String kind, String reference, String title, String html, Instant issuedAt, Long supersededBy) {
}
