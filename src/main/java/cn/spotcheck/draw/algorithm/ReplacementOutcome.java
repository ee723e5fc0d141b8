package cn.spotcheck.draw.algorithm;

/** The assignment after a replacement, and the record of what changed. */
public record ReplacementOutcome(InspectorAssignment assignment, Replacement replacement) {
}
