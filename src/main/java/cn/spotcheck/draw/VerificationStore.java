package cn.spotcheck.draw;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import cn.spotcheck.draw.algorithm.Verification;

/** Each draw's latest verification, with the state of the record it was made against. */
@Repository
class VerificationStore {

    /** Problems are sentences; none of them holds a line break. */
    private static final String SEPARATOR = "\n";

    record Kept(String state, Verification verification, Instant at) {
    }

    private final JdbcTemplate jdbc;

    VerificationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Kept> find(long drawId) {
        return jdbc.query("select state, valid, problems, verified_at from spotcheck.draw_verification where draw_id = ?",
                (rs, i) -> new Kept(rs.getString(1), new Verification(rs.getBoolean(2), problems(rs.getString(3))),
                        rs.getTimestamp(4).toInstant()), drawId).stream().findFirst();
    }

    void keep(long drawId, String state, Verification verification, Instant at) {
        jdbc.update("""
                insert into spotcheck.draw_verification (draw_id, state, valid, problems, verified_at) values (?, ?, ?, ?, ?)
                on conflict (draw_id) do update set state = excluded.state, valid = excluded.valid,
                    problems = excluded.problems, verified_at = excluded.verified_at""",
                drawId, state, verification.valid(), String.join(SEPARATOR, verification.problems()), Timestamp.from(at));
    }

    /** Sealed draws made since {@code since} whose kept verification is older than {@code before}, or missing. */
    List<Long> staleSince(Instant since, Instant before) {
        return jdbc.queryForList("""
                select d.id from spotcheck.draw_record d
                left join spotcheck.draw_verification v on v.draw_id = d.id
                where d.chain_position is not null and d.drawn_at >= ? and (v.verified_at is null or v.verified_at < ?)
                order by d.id""", Long.class, Timestamp.from(since), Timestamp.from(before));
    }

    private static List<String> problems(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split(SEPARATOR));
    }
}
