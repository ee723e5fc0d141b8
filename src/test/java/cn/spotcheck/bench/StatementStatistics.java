package cn.spotcheck.bench;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL's time per statement ({@code pg_stat_statements}, loaded when the platform runs with
 * {@code --spotcheck.embedded-db.statement-statistics=true}): summed over every connection, waits for locks included,
 * so a statement waiting long for a row shows here.
 */
final class StatementStatistics {

    private StatementStatistics() {
    }

    /** Starts counting afresh. */
    static void reset(JdbcTemplate jdbc) {
        jdbc.execute("create extension if not exists pg_stat_statements");
        jdbc.execute("select pg_stat_statements_reset()");
    }

    /** Prints the {@code limit} statements that took the most time since the last reset. */
    static void print(JdbcTemplate jdbc, int limit) {
        jdbc.query("""
                select calls, round(total_exec_time)::bigint ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) statement
                from pg_stat_statements order by total_exec_time desc limit ?""",
                rs -> {
                    System.out.printf("%9d 次 %9d ms  %s%n", rs.getLong(1), rs.getLong(2), rs.getString(3));
                }, limit);
    }
}
