package cn.spotcheck.draw.algorithm;

/** One target that cannot be staffed as required, and what it lacks (Chinese, shown to the user). */
record Shortfall(long targetId, String missing) {
}
