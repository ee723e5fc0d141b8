package cn.spotcheck.disclosure;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The delivery of each published result to each channel, and the spreadsheets of the file channels. */
@Repository
class DeliveryStore {

    enum Status { PENDING, IN_FILE, DELIVERED }

    record ChannelCounts(String channel, long pending, long inFile, long delivered, Instant lastDelivered, String lastError) {
    }

    record FileBatch(long id, String channel, LocalDate date, long records, Instant createdAt, Instant downloadedAt,
                     String downloadedBy, Instant confirmedAt, String confirmedBy) {
    }

    private final JdbcTemplate jdbc;

    DeliveryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A newly published result, due on each channel; queuing it again changes nothing. */
    void queue(String inspectionCode, List<String> channels) {
        for (String channel : channels) {
            jdbc.update("""
                    insert into spotcheck.publication_delivery (outbox_id, channel, status)
                    select id, ?, 'PENDING' from spotcheck.publicity_outbox where inspection_code = ?
                    on conflict do nothing""", channel, inspectionCode);
        }
    }

    /**
     * The oldest records waiting for {@code channel}. Not row-locked: the caller holds the channel's advisory lock
     * (one run per channel across all nodes), and a failed attempt is noted on these rows from a second transaction.
     */
    List<OutboxRecord> pending(String channel, int limit) {
        return jdbc.query("""
                select o.id, o.inspection_code, o.version, o.payload::text from spotcheck.publication_delivery d
                join spotcheck.publicity_outbox o on o.id = d.outbox_id
                where d.channel = ? and d.status = 'PENDING' order by d.outbox_id limit ?""",
                (rs, i) -> new OutboxRecord(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4)), channel, limit);
    }

    boolean anyPending(String channel) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from spotcheck.publication_delivery where channel = ? and status = 'PENDING')", Boolean.class, channel));
    }

    void delivered(String channel, List<OutboxRecord> records, Instant at) {
        Long[] ids = ids(records);
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    update spotcheck.publication_delivery set status = 'DELIVERED', delivered_at = ?, attempts = attempts + 1,
                        last_error = null where channel = ? and outbox_id = any (?)""");
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, channel);
            ps.setArray(3, con.createArrayOf("bigint", ids));
            return ps;
        });
        settleOutbox(ids, at);
    }

    /** A failed attempt, kept (in its own transaction) for the page; the records stay pending. */
    void failed(String channel, List<OutboxRecord> records, String error) {
        Long[] ids = ids(records);
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    update spotcheck.publication_delivery set attempts = attempts + 1, last_error = ?
                    where channel = ? and outbox_id = any (?) and status = 'PENDING'""");
            ps.setString(1, error.length() > 500 ? error.substring(0, 500) : error);
            ps.setString(2, channel);
            ps.setArray(3, con.createArrayOf("bigint", ids));
            return ps;
        });
    }

    /** The file channel's send: into the day's batch that nobody has downloaded yet, or a new one. */
    void fileIntoBatch(String channel, List<OutboxRecord> records) {
        LocalDate today = cn.spotcheck.calendar.BureauTime.today();
        Long batch = jdbc.query("""
                select id from spotcheck.publication_file_batch where channel = ? and batch_date = ? and downloaded_at is null
                order by id desc limit 1 for update""", (rs, i) -> rs.getLong(1), channel, Date.valueOf(today)).stream().findFirst()
                .orElseGet(() -> jdbc.queryForObject("""
                        insert into spotcheck.publication_file_batch (channel, batch_date, created_at) values (?, ?, ?) returning id""",
                        Long.class, channel, Date.valueOf(today), Timestamp.from(cn.spotcheck.calendar.BureauTime.now())));
        Long[] ids = ids(records);
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    update spotcheck.publication_delivery set status = 'IN_FILE', file_batch_id = ?, attempts = attempts + 1
                    where channel = ? and outbox_id = any (?)""");
            ps.setLong(1, batch);
            ps.setString(2, channel);
            ps.setArray(3, con.createArrayOf("bigint", ids));
            return ps;
        });
    }

    List<ChannelCounts> counts() {
        return jdbc.query("""
                select channel, count(*) filter (where status = 'PENDING'), count(*) filter (where status = 'IN_FILE'),
                       count(*) filter (where status = 'DELIVERED'), max(delivered_at),
                       (array_agg(last_error order by outbox_id desc) filter (where status = 'PENDING' and last_error is not null))[1]
                from spotcheck.publication_delivery group by channel order by channel""",
                (rs, i) -> new ChannelCounts(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getString(6)));
    }

    List<FileBatch> batches(int limit) {
        return jdbc.query(BATCH + " group by b.id order by b.id desc limit ?", this::batchRow, limit);
    }

    Optional<FileBatch> batch(long id) {
        return jdbc.query(BATCH + " where b.id = ? group by b.id", this::batchRow, id).stream().findFirst();
    }

    /** The records a batch carries, oldest first, as the spreadsheet lists them. */
    void forEachInBatch(long batchId, Consumer<OutboxRecord> each) {
        jdbc.query("""
                select o.id, o.inspection_code, o.version, o.payload::text from spotcheck.publication_delivery d
                join spotcheck.publicity_outbox o on o.id = d.outbox_id where d.file_batch_id = ? order by o.id""",
                rs -> {
                    each.accept(new OutboxRecord(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4)));
                }, batchId);
    }

    void downloaded(long batchId, String user, Instant at) {
        jdbc.update("update spotcheck.publication_file_batch set downloaded_at = coalesce(downloaded_at, ?), "
                + "downloaded_by = coalesce(downloaded_by, ?) where id = ?", Timestamp.from(at), user, batchId);
    }

    /** The clerk's confirmation that the file is uploaded: its records are delivered. Confirming twice changes nothing. */
    boolean confirm(long batchId, String user, Instant at) {
        int changed = jdbc.update("update spotcheck.publication_file_batch set confirmed_at = ?, confirmed_by = ? "
                + "where id = ? and downloaded_at is not null and confirmed_at is null", Timestamp.from(at), user, batchId);
        if (changed == 0) {
            return false;
        }
        List<Long> ids = jdbc.queryForList("update spotcheck.publication_delivery set status = 'DELIVERED', delivered_at = ? "
                + "where file_batch_id = ? returning outbox_id", Long.class, Timestamp.from(at), batchId);
        settleOutbox(ids.toArray(Long[]::new), at);
        return true;
    }

    /** A result is delivered once every channel has it. */
    private void settleOutbox(Long[] ids, Instant at) {
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    update spotcheck.publicity_outbox o set status = 'DELIVERED', delivered_at = ? where o.id = any (?)
                    and not exists (select 1 from spotcheck.publication_delivery d where d.outbox_id = o.id and d.status <> 'DELIVERED')""");
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setArray(2, con.createArrayOf("bigint", ids));
            return ps;
        });
    }

    private static final String BATCH = """
            select b.id, b.channel, b.batch_date, count(d.outbox_id), b.created_at, b.downloaded_at, b.downloaded_by,
                   b.confirmed_at, b.confirmed_by
            from spotcheck.publication_file_batch b left join spotcheck.publication_delivery d on d.file_batch_id = b.id""";

    private FileBatch batchRow(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new FileBatch(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getLong(4), instant(rs.getTimestamp(5)),
                instant(rs.getTimestamp(6)), rs.getString(7), instant(rs.getTimestamp(8)), rs.getString(9));
    }

    private static Long[] ids(List<OutboxRecord> records) {
        return records.stream().map(OutboxRecord::outboxId).toArray(Long[]::new);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
