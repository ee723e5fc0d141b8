package cn.spotcheck.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.system.AdvisoryLock;

/**
 * The audit log: entries are only ever appended, each sealed with the digest of its fields and of the entry
 * before it; {@link #verify()} recomputes the chain from the first entry.
 */
@Service
public class AuditLog {

    static final String GENESIS = "0".repeat(64);
    static final int PAGE = 100;

    public record Entry(long position, Instant at, String actor, String address, String action, String target, String outcome,
                        int status, String previousDigest, String digest) {
    }

    /** A search: each part optional; {@code before} pages back from a position. */
    public record Query(String actor, String text, LocalDate from, LocalDate to, Long before) {
    }

    /** The chain as recomputed: its length and the first position that does not hold, if any. */
    public record Verification(long entries, Long brokenAt) {
        public boolean intact() {
            return brokenAt == null;
        }
    }

    private final JdbcTemplate jdbc;

    AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends an entry in a transaction of its own: what was attempted is kept whether or not the attempt's own work was. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String actor, String address, String action, String target, int status) {
        AdvisoryLock.holdUntilCommit(jdbc, "audit-log");
        List<Object[]> head = jdbc.query("select position, digest from spotcheck.audit_entry order by position desc limit 1",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)});
        long position = head.isEmpty() ? 1 : (long) head.get(0)[0] + 1;
        String previous = head.isEmpty() ? GENESIS : (String) head.get(0)[1];
        Instant at = BureauTime.now().truncatedTo(ChronoUnit.MILLIS);
        Entry entry = new Entry(position, at, cut(actor, 64), cut(address, 64), cut(action, 200), cut(target, 500), outcome(status),
                status, previous, null);
        jdbc.update("""
                insert into spotcheck.audit_entry (position, at, actor, address, action, target, outcome, status, previous_digest, digest)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", position, Timestamp.from(at), entry.actor(), entry.address(), entry.action(),
                entry.target(), entry.outcome(), status, previous, digest(entry));
    }

    /** The newest entries matching the query, newest first, at most {@value #PAGE}. */
    @Transactional(readOnly = true)
    public List<Entry> search(Query query) {
        StringBuilder sql = new StringBuilder("select * from spotcheck.audit_entry where true");
        List<Object> args = new ArrayList<>();
        if (query.actor() != null) {
            sql.append(" and actor = ?");
            args.add(query.actor());
        }
        if (query.text() != null) {
            sql.append(" and (strpos(action, ?) > 0 or strpos(target, ?) > 0)");
            args.add(query.text());
            args.add(query.text());
        }
        if (query.from() != null) {
            sql.append(" and at >= ?");
            args.add(Timestamp.from(BureauTime.startOf(query.from()).toInstant()));
        }
        if (query.to() != null) {
            sql.append(" and at < ?");
            args.add(Timestamp.from(BureauTime.startOf(query.to().plusDays(1)).toInstant()));
        }
        if (query.before() != null) {
            sql.append(" and position < ?");
            args.add(query.before());
        }
        sql.append(" order by position desc limit ").append(PAGE);
        return jdbc.query(sql.toString(), (rs, i) -> entry(rs), args.toArray());
    }

    /** Recomputes every entry's digest in order, reading the log in slices so that its size does not matter. */
    @Transactional(readOnly = true)
    public Verification verify() {
        long count = 0;
        String previous = GENESIS;
        long after = 0;
        while (true) {
            List<Entry> slice = jdbc.query("select * from spotcheck.audit_entry where position > ? order by position limit 10000",
                    (rs, i) -> entry(rs), after);
            if (slice.isEmpty()) {
                return new Verification(count, null);
            }
            for (Entry entry : slice) {
                if (entry.position() != count + 1 || !entry.previousDigest().equals(previous) || !entry.digest().equals(digest(entry))) {
                    return new Verification(count, count + 1);
                }
                previous = entry.digest();
                count++;
                after = entry.position();
            }
        }
    }

    static String outcome(int status) {
        if (status == 401 || status == 403) {
            return "拒绝";
        }
        return status >= 500 ? "出错" : status >= 400 ? "无效请求" : "完成";
    }

    static String digest(Entry e) {
        String fields = String.join("\n", Long.toString(e.position()), Long.toString(e.at().toEpochMilli()), e.actor(), e.address(),
                e.action(), e.target(), e.outcome(), Integer.toString(e.status()), e.previousDigest());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(fields.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException(e1);
        }
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getLong("position"), rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("address"),
                rs.getString("action"), rs.getString("target"), rs.getString("outcome"), rs.getInt("status"),
                rs.getString("previous_digest"), rs.getString("digest"));
    }

    private static String cut(String value, int length) {
        String v = value == null ? "" : value;
        return v.length() <= length ? v : v.substring(0, length - 1) + "…";
    }
}
