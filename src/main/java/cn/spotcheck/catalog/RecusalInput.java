package cn.spotcheck.catalog;

/** A recusal as declared: the target, the kind of relation, the reason and optionally its period. */
record RecusalInput(Long targetId, String relation, String reason, String validFrom, String validTo) {
}
