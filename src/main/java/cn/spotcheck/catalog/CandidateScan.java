package cn.spotcheck.catalog;

import java.sql.Array;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The targets a draw may pick from: those matching a task's scope and in operating status (在营) at the moment of
 * the draw, in id order, streamed (a city directory can hold a million).
 */
@Service
public class CandidateScan {

    private final JdbcTemplate jdbc;

    CandidateScan(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A target's name and codes, for lists of thousands of drawn targets. */
    public record TargetIdentity(long id, String uscc, String registrationNo, String name, String category, String address,
                                 String creditLevel) {

        /** The code the target is known by: its USCC, or its other registration number. */
        public String code() {
            return uscc != null ? uscc : registrationNo;
        }
    }

    public java.util.Map<Long, TargetIdentity> identities(java.util.Collection<Long> ids) {
        java.util.Map<Long, TargetIdentity> found = new java.util.HashMap<>();
        jdbc.query("select id, trim(uscc), registration_no, name, category, address, credit_level from spotcheck.target where id = any(?)",
                rs -> {
                    found.put(rs.getLong(1), new TargetIdentity(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7)));
                }, (Object) ids.toArray(Long[]::new));
        return found;
    }

    /** Receives one candidate: its id and credit level code. */
    @FunctionalInterface
    public interface Sink {
        void accept(long targetId, String creditLevel);
    }

    /** Empty lists mean "any"; {@code categories} must not be empty (a task's items always name some). */
    public void scan(List<String> categories, List<String> regions, List<String> tags, Sink sink) {
        query("select id, credit_level", categories, regions, tags, " order by id", 10_000, rs -> {
            sink.accept(rs.getLong(1), rs.getString(2));
        });
    }

    /**
     * The same candidates, as each credit level's ids in ascending order. The database hands each level over as one
     * value (the ids' 8-byte forms run together) rather than a row per target: a million candidates arrive in a
     * few tenths of a second instead of the better part of a second.
     */
    public java.util.Map<String, long[]> idsByCreditLevel(List<String> categories, List<String> regions, List<String> tags) {
        java.util.Map<String, long[]> levels = new java.util.TreeMap<>();
        // Four rows: fetched at once, not through a cursor, which PostgreSQL would not run with parallel workers.
        query("select credit_level, string_agg(int8send(id), ''::bytea)", categories, regions, tags, " group by credit_level", 0, rs -> {
            java.nio.LongBuffer packed = java.nio.ByteBuffer.wrap(rs.getBytes(2)).asLongBuffer();
            long[] ids = new long[packed.remaining()];
            packed.get(ids);
            // Parallel workers concatenate in no set order; each worker's part is ascending, so this merges a few runs.
            java.util.Arrays.sort(ids);
            levels.put(rs.getString(1), ids);
        });
        return levels;
    }

    /** Of the targets named (a 定向抽查), those in operating status, in id order. */
    public void scanNamed(java.util.Collection<Long> ids, Sink sink) {
        jdbc.query("select id, credit_level from spotcheck.target where id = any(?) and operating_status = ? order by id", rs -> {
            sink.accept(rs.getLong(1), rs.getString(2));
        }, ids.toArray(Long[]::new), CatalogVocabulary.OPERATING);
    }

    /** How many candidates each credit level holds in a scope, counted by the database rather than read one by one. */
    public java.util.Map<String, Integer> countByCreditLevel(List<String> categories, List<String> regions, List<String> tags) {
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        query("select credit_level, count(*)", categories, regions, tags, " group by credit_level", 0, rs -> {
            counts.put(rs.getString(1), rs.getInt(2));
        });
        return counts;
    }

    private void query(String select, List<String> categories, List<String> regions, List<String> tags, String tail, int fetchSize,
                       org.springframework.jdbc.core.RowCallbackHandler rows) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder(select).append(" from spotcheck.target where operating_status = ?");
        args.add(CatalogVocabulary.OPERATING);
        sql.append(" and category = any(?)");
        args.add(categories.toArray(String[]::new));
        if (!regions.isEmpty()) {
            sql.append(" and region = any(?)");
            args.add(regions.toArray(String[]::new));
        }
        if (!tags.isEmpty()) {
            sql.append(" and tags && ?");
            args.add(tags.toArray(String[]::new));
        }
        sql.append(tail);
        jdbc.query(con -> {
            var ps = con.prepareStatement(sql.toString());
            ps.setFetchSize(fetchSize);
            for (int i = 0; i < args.size(); i++) {
                Object arg = args.get(i);
                if (arg instanceof String[] array) {
                    Array sqlArray = con.createArrayOf("text", array);
                    ps.setArray(i + 1, sqlArray);
                } else {
                    ps.setObject(i + 1, arg);
                }
            }
            return ps;
        }, rows);
    }
}
