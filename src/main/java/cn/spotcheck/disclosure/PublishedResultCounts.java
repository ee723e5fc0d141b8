package cn.spotcheck.disclosure;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The published results counted by the targets' category (as published), for the supervision group's 预警: results
 * are counted once they are public, so a warning never rests on a result still under review.
 */
@Component
public class PublishedResultCounts {

    private final JdbcTemplate jdbc;

    PublishedResultCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Per target category, per result category: the results of checks that ended on or after {@code from} and before {@code until}. */
    public Map<String, Map<String, Long>> byTargetCategory(LocalDate from, LocalDate until) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        jdbc.query("""
                select target_category, result_category, count(*) from spotcheck.public_result
                where inspection_end_date >= ? and inspection_end_date < ? and target_category is not null and result_category is not null
                group by 1, 2""", rs -> {
            counts.computeIfAbsent(rs.getString(1), c -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3));
        }, Date.valueOf(from), Date.valueOf(until));
        return counts;
    }

    /** The targets of {@code targetCategory} with a result in {@code resultCategories} in the period, at most {@code limit}. */
    public List<Long> targetsWith(String targetCategory, Collection<String> resultCategories, LocalDate from, LocalDate until, int limit) {
        return jdbc.queryForList("""
                select distinct target_id from spotcheck.public_result
                where target_category = ? and result_category = any(?) and inspection_end_date >= ? and inspection_end_date < ?
                order by target_id limit ?""", Long.class, targetCategory, resultCategories.toArray(String[]::new),
                Date.valueOf(from), Date.valueOf(until), limit);
    }
}
