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
                  String resultCategory, LocalDate inspectionEndDate, Instant publishedAt) {
    }

    private static final String SELECT = """
            select inspection_code, target_name, target_code, target_category, item_codes, result_category,
                   inspection_end_date, published_at
            from spotcheck.public_result where true""";

    private final JdbcTemplate jdbc;

    PublicResults(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Result> latest(int limit) {
        return jdbc.query(SELECT + " order by published_at desc limit ?", (rs, i) -> result(rs), limit);
    }

    List<Result> search(String q, int limit) {
        String term = q.strip();
        String code = term.toUpperCase().replace(" ", "");
        return jdbc.query(SELECT + " and (target_name like ? escape '\\' or target_uscc = ? or target_registration_no = ?) order by published_at desc limit ?",
                (rs, i) -> result(rs), "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%", code, term, limit);
    }

    private static Result result(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Result(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Arrays.asList((String[]) rs.getArray(5).getArray()), rs.getString(6),
                rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(), rs.getTimestamp(8).toInstant());
    }
}
