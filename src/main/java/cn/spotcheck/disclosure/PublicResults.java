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

    /** {@code correction}: the latest approved 更正 of the result, when, from what and why, as the public reads it. */
    record Result(String code, String targetName, String targetCode, String category, List<String> items,
                  String resultCategory, LocalDate inspectionEndDate, Instant publishedAt, String outcome, String correction) {
    }

    private static final String SELECT = """
            select r.inspection_code, r.target_name, r.target_code, r.target_category, r.item_codes, r.result_category,
                   r.inspection_end_date, r.published_at, o.outcome, c.corrected_at, c.old_category, c.reason
            from spotcheck.public_result r left join spotcheck.public_outcome o on o.inspection_code = r.inspection_code
            left join lateral (select corrected_at, old_category, reason from spotcheck.public_correction pc
                               where pc.inspection_code = r.inspection_code order by pc.revision desc limit 1) c on true
            where true""";

    /** What a code looks like: 统一社会信用代码 (18) or a registration number, letters and digits only. */
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[0-9A-Za-z]{8,}");

    private final JdbcTemplate jdbc;
    private final JdbcTemplate slices;
    private final CommonBigrams commonBigrams;
    private final org.springframework.transaction.support.TransactionTemplate reading;

    PublicResults(JdbcTemplate jdbc, org.springframework.transaction.PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.commonBigrams = new CommonBigrams(jdbc);
        this.slices = new JdbcTemplate(jdbc.getDataSource());
        this.slices.setFetchSize(1000);
        this.reading = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    List<Result> latest(int limit) {
        return jdbc.query(SELECT + " order by r.published_at desc limit ?", (rs, i) -> result(rs), limit);
    }

    /**
     * Results whose target's name holds {@code q} (two characters or more) or whose code is {@code q}, newest first.
     * A code (letters and digits only, eight or more) is looked up exactly. A name fragment is found through its
     * distinctive bigrams — those not among the most common of all names, such as 有限, 公司 or 运输, whose index
     * entries run to hundreds of thousands — and checked whole on the rows found; a fragment made only of common
     * bigrams matches so many results that reading the newest until the page is full is quicker than any index.
     */
    List<Result> search(String q, int limit, int offset) {
        String term = q.strip();
        if (CODE.matcher(term).matches()) {
            String code = term.toUpperCase();
            return jdbc.query(SELECT + " and (r.target_uscc = ? or r.target_registration_no = ? or r.target_registration_no = ?) "
                    + "order by r.published_at desc limit ? offset ?", (rs, i) -> result(rs), code, code, term, limit, offset);
        }
        List<String> distinctive = commonBigrams.distinctive(term);
        if (distinctive.isEmpty()) {
            return jdbc.query(SELECT + " and strpos(r.target_name, ?) > 0 order by r.published_at desc limit ? offset ?", (rs, i) -> result(rs),
                    term, limit, offset);
        }
        return jdbc.query(SELECT + " and r.name_bigrams @> ?::text[] and strpos(r.target_name, ?) > 0 order by r.published_at desc limit ? offset ?",
                (rs, i) -> result(rs), distinctive.toArray(String[]::new), term, limit, offset);
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
                rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(), rs.getTimestamp(8).toInstant(), rs.getString(9),
                rs.getTimestamp(10) == null ? null : LocalDate.ofInstant(rs.getTimestamp(10).toInstant(), cn.spotcheck.calendar.BureauTime.ZONE)
                        + " 更正，原公示为“" + rs.getString(11) + "”，更正原因：" + rs.getString(12));
    }
}
