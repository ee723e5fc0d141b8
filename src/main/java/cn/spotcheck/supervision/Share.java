package cn.spotcheck.supervision;

/**
 * Inspected and findings for one credit level or one item ({@code name}; a null level: not recorded), the discovery
 * rate's two terms.
 */
public record Share(String name, long inspected, long withFindings) {

    Share plus(long moreInspected, long moreFindings) {
        return new Share(name, inspected + moreInspected, withFindings + moreFindings);
    }
}
