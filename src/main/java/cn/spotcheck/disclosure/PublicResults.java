package cn.spotcheck.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the public may read of results: published ones only, with the target's name and code, the items, the
 * result and the dates — never inspectors' personal data, phone or ID numbers, nor anything unpublished. Read from
 * 一公开's own copy ({@code public_result}), written by {@link ResultPublication}.
 */
@Component
class PublicResults {

    record Result(String code, String targetName, String targetCode, String category, List<String> items,
                  String resultCategory, LocalDate inspectionEndDate, Instant publishedAt, String outcome) {
    }

    private static final String SELECT = """
            select r.inspection_code, r.target_name, r.target_code, r.target_category, r.item_codes, r.result_category,
                   r.inspection_end_date, r.published_at, o.outcome
            from spotcheck.public_result r left join spotcheck.public_outcome o on o.inspection_code = r.inspection_code
            where true""";

    private final JdbcTemplate jdbc;
    private final JdbcTemplate slices;
    private final org.springframework.transaction.support.TransactionTemplate reading;

    PublicResults(JdbcTemplate jdbc, org.springframework.transaction.PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.slices = new JdbcTemplate(jdbc.getDataSource());
        this.slices.setFetchSize(1000);
        this.reading = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    List<Result> latest(int limit) {
        return jdbc.query(SELECT + " order by r.published_at desc limit ?", (rs, i) -> result(rs), limit);
    }

    /**
     * Results whose target's name holds {@code q} (at least two characters: the indexes read fragments of two or
     * more) or whose code is {@code q}, newest first.
     */
    List<Result> search(String q, int limit) {
        String term = q.strip();
        String code = term.toUpperCase().replace(" ", "");
        boolean twoCharacters = term.codePointCount(0, term.length()) == 2;
        String name = twoCharacters ? "r.name_bigrams @> array[lower(?::text)]" : "r.target_name like ? escape '\\'";
        return jdbc.query(SELECT + " and (" + name + " or r.target_uscc = ? or r.target_registration_no = ?) order by r.published_at desc limit ?",
                (rs, i) -> result(rs), twoCharacters ? term : "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%",
                code, term, limit);
    }

    /** Every result published in {@code year} (Beijing time), oldest first, read in slices rather than all at once. */
    void forEachOfYear(int year, java.util.function.Consumer<Result> each) {
        java.time.ZoneId zone = cn.spotcheck.calendar.BureauTime.ZONE;
        java.sql.Timestamp from = java.sql.Timestamp.from(java.time.LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant());
        java.sql.Timestamp to = java.sql.Timestamp.from(java.time.LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant());
        // A cursor (PostgreSQL streams only inside a transaction, with a fetch size), so a year of a million rows
        // never sits in memory at once.
        reading.executeWithoutResult(s -> slices.query(SELECT + " and r.published_at >= ? and r.published_at < ? order by r.published_at, r.inspection_code",
                rs -> {
                    each.accept(result(rs));
                }, from, to));
    }

    /** The years with published results, newest first. */
    List<Integer> years() {
        return jdbc.queryForList("select distinct extract(year from published_at at time zone 'Asia/Shanghai')::int y "
                + "from spotcheck.public_result order by y desc", Integer.class);
    }

    private static Result result(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Result(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Arrays.asList((String[]) rs.getArray(5).getArray()), rs.getString(6),
                rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(), rs.getTimestamp(8).toInstant(), rs.getString(9));
    }
}
