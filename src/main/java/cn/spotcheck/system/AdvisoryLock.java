package cn.spotcheck.system;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A PostgreSQL advisory lock named by a string, held until the current transaction ends: serialises work on one
 * thing (a task, a channel, a joint group) across threads and nodes without locking any row.
 */
public final class AdvisoryLock {

    private AdvisoryLock() {
    }

    public static void holdUntilCommit(JdbcTemplate jdbc, String name) {
        jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> { }, name);
    }
}
