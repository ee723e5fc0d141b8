package cn.spotcheck.draw;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.spotcheck.draw.algorithm.DrawAlgorithm;
/** Keeps the replacements of inspectors (更换执法人员), each sealed into the draw chain like a draw. */
@Component
class ReplacementStore {

    private final JdbcTemplate jdbc;

    ReplacementStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A replacement as recorded; inspectors by id. */
    record ReplacementRow(int sequence, long targetId, long replacedInspector, long newInspector, String reason, String requestedBy,
                          Instant requestedAt, String digest) {
    }

    /** A replacement with what its digest was computed from, for the chain's verification. */
    record SealedReplacement(long chainPosition, long drawId, int sequence, long targetId, long replacedInspector, long newInspector,
                             String reason, byte[] inspectorInputs, String previousDigest, String digest, String drawSeed,
                             String candidateDigest, DrawAlgorithm algorithm) {
    }

    int nextSequence(long drawId) {
        Integer count = jdbc.queryForObject("select count(*) from spotcheck.draw_replacement where draw_id = ?", Integer.class, drawId);
        return (count == null ? 0 : count) + 1;
    }

    void insert(long drawId, ReplacementRow row, byte[] inspectorInputs, DrawStore.ChainLink link) {
        jdbc.update("""
                insert into spotcheck.draw_replacement (draw_id, sequence, target_id, replaced_inspector, new_inspector, reason,
                    requested_by, requested_at, inspector_inputs, chain_position, previous_digest, digest)
                values (?,?,?,?,?,?,?,?,?,?,?,?)""", drawId, row.sequence(), row.targetId(), row.replacedInspector(),
                row.newInspector(), row.reason(), row.requestedBy(), Timestamp.from(row.requestedAt()), inspectorInputs,
                link.position(), link.previousDigest(), row.digest());
    }

    /** A draw's replacements, oldest first. */
    List<ReplacementRow> of(long drawId) {
        return jdbc.query("""
                select sequence, target_id, replaced_inspector, new_inspector, reason, requested_by, requested_at, digest
                from spotcheck.draw_replacement where draw_id = ? order by sequence""",
                (rs, i) -> new ReplacementRow(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8)), drawId);
    }

    /** Every replacement in chain order, with its draw's seed, candidate digest and algorithm. */
    List<SealedReplacement> sealed() {
        return jdbc.query("""
                select rp.chain_position, rp.draw_id, rp.sequence, rp.target_id, rp.replaced_inspector, rp.new_inspector,
                       rp.reason, rp.inspector_inputs, rp.previous_digest, rp.digest, r.seed, r.candidate_digest,
                       r.algorithm, r.algorithm_version
                from spotcheck.draw_replacement rp join spotcheck.draw_record r on r.id = rp.draw_id
                order by rp.chain_position""", (rs, i) -> new SealedReplacement(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getString(7), rs.getBytes(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), DrawAlgorithm.of(rs.getString(13), rs.getInt(14))));
    }
}
