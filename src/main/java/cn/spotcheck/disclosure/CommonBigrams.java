package cn.spotcheck.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The two-character pieces that a large share of published results' names contain (有限, 公司, 运输 …), read from
 * PostgreSQL's own statistics of the {@code name_bigrams} column (refreshed by its autovacuum's ANALYZE) and kept for
 * ten minutes. With no statistics yet (a young, small table) no piece counts as common.
 */
final class CommonBigrams {

    /** A piece in more than this share of names is common. */
    static final double SHARE = 0.005;
    private static final long TEN_MINUTES = 600_000_000_000L;

    private final JdbcTemplate jdbc;
    private volatile Set<String> common = Set.of();
    private volatile long readAt = Long.MIN_VALUE / 2;

    CommonBigrams(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The bigrams of {@code term} (lower-cased, as the column holds them) that are not common, in order. */
    List<String> distinctive(String term) {
        Set<String> frequent = current();
        String lower = term.toLowerCase();
        int[] points = lower.codePoints().toArray();
        Set<String> pieces = new LinkedHashSet<>();
        for (int i = 0; i + 1 < points.length; i++) {
            String piece = new String(points, i, 2);
            if (!frequent.contains(piece)) {
                pieces.add(piece);
            }
        }
        return new ArrayList<>(pieces);
    }

    private Set<String> current() {
        if (System.nanoTime() - readAt > TEN_MINUTES) {
            common = read();
            readAt = System.nanoTime();
        }
        return common;
    }

    /** pg_stats pairs each most common element with its frequency; the last three entries are summary figures. */
    private Set<String> read() {
        List<Set<String>> found = jdbc.query("""
                select most_common_elems::text::text[], most_common_elem_freqs from pg_stats
                where schemaname = 'spotcheck' and tablename = 'public_result' and attname = 'name_bigrams'""", (rs, i) -> {
            if (rs.getArray(1) == null) {
                return Set.<String>of();
            }
            String[] elements = (String[]) rs.getArray(1).getArray();
            Float[] frequencies = (Float[]) rs.getArray(2).getArray();
            Set<String> frequent = new java.util.HashSet<>();
            for (int e = 0; e < elements.length; e++) {
                if (frequencies[e] > SHARE) {
                    frequent.add(elements[e]);
                }
            }
            return frequent;
        });
        return found.isEmpty() ? Set.of() : Set.copyOf(found.get(0));
    }
}
