package cn.spotcheck.catalog;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Searches the target directory in SQL. Built for a million rows: every filter has an index (the name fragment
 * a trigram index), and key paging ({@code afterId}) reads one page whatever its depth.
 */
@Component
class TargetSearch {

    private static final String COLUMNS = "id, uscc, registration_no, name, category, region, address, "
            + "legal_representative, operating_status, credit_level, tags, updated_at, version";

    private final JdbcTemplate jdbc;
    private final CreditLevels creditLevels;

    TargetSearch(JdbcTemplate jdbc, CreditLevels creditLevels) {
        this.jdbc = jdbc;
        this.creditLevels = creditLevels;
    }

    PageOf<TargetView> search(TargetQuery query) {
        Where where = where(query);
        long total = jdbc.queryForObject("select count(*) from spotcheck.target t" + where.sql(), Long.class, where.args().toArray());
        int size = query.sizeOrDefault();
        List<Object> args = new ArrayList<>(where.args());
        String sql = "select " + COLUMNS + " from spotcheck.target t" + where.sql();
        if (query.afterId() != null) {
            sql += (where.sql().isEmpty() ? " where" : " and") + " t.id > ?";
            args.add(query.afterId());
            sql += " order by t.id limit ?";
            args.add(size);
        } else {
            sql += " order by t.id limit ? offset ?";
            args.add(size);
            args.add((long) query.pageOrZero() * size);
        }
        List<TargetView> content = jdbc.query(sql, (rs, i) -> view(rs), args.toArray());
        Long next = content.size() == size ? content.get(content.size() - 1).id() : null;
        return new PageOf<>(content, total, query.pageOrZero(), size, next);
    }

    /** Streams every matching target in key order, for exports of any size. */
    void forEach(TargetQuery query, Consumer<TargetView> action) {
        Where where = where(query);
        jdbc.query(con -> {
            var ps = con.prepareStatement("select " + COLUMNS + " from spotcheck.target t" + where.sql() + " order by t.id");
            ps.setFetchSize(1000);
            for (int i = 0; i < where.args().size(); i++) {
                ps.setObject(i + 1, where.args().get(i));
            }
            return ps;
        }, rs -> {
            action.accept(view(rs));
        });
    }

    TargetView byId(long id) {
        List<TargetView> found = jdbc.query("select " + COLUMNS + " from spotcheck.target t where t.id = ?", (rs, i) -> view(rs), id);
        return found.isEmpty() ? null : found.get(0);
    }

    private Where where(TargetQuery query) {
        List<String> clauses = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        add(clauses, args, "t.category = ?", query.category());
        add(clauses, args, "t.region = ?", query.region());
        if (TargetRules.trim(query.creditLevel()) != null) {
            clauses.add("t.credit_level = ?");
            args.add(creditLevels.resolve(query.creditLevel()).orElse(query.creditLevel().trim()));
        }
        add(clauses, args, "t.operating_status = ?", query.status());
        if (TargetRules.trim(query.tag()) != null) {
            clauses.add("t.tags @> array[?]::text[]");
            args.add(query.tag().trim());
        }
        String q = TargetRules.trim(query.q());
        if (q != null) {
            String code = CreditCode.normalise(q);
            // Two characters: the bigram index finds them exactly; longer fragments: the trigram index.
            String nameMatch = q.codePointCount(0, q.length()) == 2 ? "t.name_bigrams @> array[lower(?::text)]" : "t.name ilike ? escape '\\'";
            clauses.add("(" + nameMatch + " or t.uscc like ? or t.registration_no = ?)");
            args.add(q.codePointCount(0, q.length()) == 2 ? q : "%" + escapeLike(q) + "%");
            args.add(escapeLike(code) + "%");
            args.add(q);
        }
        return new Where(clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses), args);
    }

    private static void add(List<String> clauses, List<Object> args, String clause, String value) {
        String v = TargetRules.trim(value);
        if (v != null) {
            clauses.add(clause);
            args.add(v);
        }
    }

    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private TargetView view(ResultSet rs) throws SQLException {
        Array tags = rs.getArray("tags");
        String level = rs.getString("credit_level");
        return new TargetView(rs.getLong("id"), trimmed(rs.getString("uscc")), rs.getString("registration_no"),
                rs.getString("name"), rs.getString("category"), rs.getString("region"), rs.getString("address"),
                rs.getString("legal_representative"), rs.getString("operating_status"), level, creditLevels.nameOf(level),
                tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }

    private record Where(String sql, List<Object> args) {
    }
}
