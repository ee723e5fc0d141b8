package cn.spotcheck.draw;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.draw.algorithm.CandidateList;
import cn.spotcheck.draw.algorithm.DrawAlgorithm;
import cn.spotcheck.draw.algorithm.DrawSeed;
import cn.spotcheck.draw.algorithm.Inspector;
import cn.spotcheck.draw.algorithm.InspectorAssignment;
import cn.spotcheck.draw.algorithm.InspectorDrawRequest;
import cn.spotcheck.draw.algorithm.Recusal;
import cn.spotcheck.draw.algorithm.StratumDraw;
import cn.spotcheck.draw.algorithm.TargetDrawRequest;
import cn.spotcheck.draw.algorithm.TargetDrawResult;
import cn.spotcheck.draw.algorithm.TargetInspectors;
import cn.spotcheck.system.ApiException;
import cn.spotcheck.system.AdvisoryLock;

/**
 * Keeps draw records with everything needed to recompute them: the candidate list (compressed), the ratios, the
 * per-stratum result, the inspector draw's inputs and the assignments. Chain positions are handed out under a
 * table lock, so two draws at the same moment still form one chain.
 */
@Component
class DrawStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    DrawStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Stored(long id, long taskId, DrawStatus status, DrawSeed seed, String algorithm, int version, int candidateCount,
                  String candidateDigest, Long chainPosition, String previousDigest, String digest, Timestamp drawnAt,
                  String drawnBy, String confirmedBy, Timestamp publishedAt) {

        /** The algorithm the record names, which is the one that re-checks it. */
        DrawAlgorithm drawAlgorithm() {
            return DrawAlgorithm.of(algorithm, version);
        }
    }

    /** The record covering the task: its own draw, or its joint group's. */
    Optional<Stored> byTask(long taskId) {
        return one("where id = (select draw_id from spotcheck.draw_task where task_id = ?)", taskId);
    }

    /** The record covering the task, or 404 when the task has not been drawn. */
    Stored requireByTask(long taskId) {
        return byTask(taskId).orElseThrow(() -> ApiException.notFound("抽查任务 " + taskId + " 尚未抽取"));
    }

    /** The record, or 404. */
    Stored requireById(long drawId) {
        return byId(drawId).orElseThrow(() -> ApiException.notFound("抽取记录 " + drawId + " 不存在"));
    }

    /** Serialises the draws of one joint group until the end of the transaction. */
    void lockJointGroup(String jointGroup) {
        AdvisoryLock.holdUntilCommit(jdbc, "spotcheck.joint-group:" + jointGroup);
    }

    Optional<Stored> byJointGroup(String jointGroup) {
        return jdbc.queryForList("select id from spotcheck.draw_record where joint_group = ? order by id limit 1", Long.class, jointGroup)
                .stream().findFirst().flatMap(this::byId);
    }

    /** The tasks a record covers, in id order. */
    List<Long> coveredTasks(long drawId) {
        return jdbc.queryForList("select task_id from spotcheck.draw_task where draw_id = ? order by task_id", Long.class, drawId);
    }

    /** For a joint group's draw, each stratum's credit level and member tasks; empty for an ordinary draw. */
    Map<String, JointStratum> stratumTasks(long drawId) {
        String text = jdbc.queryForObject("select stratum_tasks::text from spotcheck.draw_record where id = ?", String.class, drawId);
        return text == null ? Map.of() : read(text, new TypeReference<LinkedHashMap<String, JointStratum>>() { });
    }

    /** A stratum of a joint group's draw: the credit level of its candidates and the member tasks whose scopes hold them. */
    record JointStratum(String level, List<Long> tasks) {
    }

    String jointGroup(long drawId) {
        return jdbc.queryForObject("select joint_group from spotcheck.draw_record where id = ?", String.class, drawId);
    }

    Optional<Stored> byId(long drawId) {
        return one("where id = ?", drawId);
    }

    long insertTargets(long taskId, DrawSeed seed, DrawAlgorithm algorithm, TargetDrawRequest request,
                       TargetDrawResult result, String drawnBy) {
        return insertTargets(taskId, List.of(taskId), null, null, seed, algorithm, request, result, drawnBy);
    }

    /**
     * A new record made by {@code taskId}'s process, covering {@code coveredTasks} (itself included); for a joint
     * group also the group's label and its strata's member tasks.
     */
    long insertTargets(long taskId, List<Long> coveredTasks, String jointGroup, Map<String, JointStratum> stratumTasks,
                       DrawSeed seed, DrawAlgorithm algorithm, TargetDrawRequest request, TargetDrawResult result,
                       String drawnBy) {
        long drawId = jdbc.queryForObject("""
                insert into spotcheck.draw_record (task_id, status, algorithm, algorithm_version, seed, candidate_count,
                    candidate_digest, candidates, ratios, strata, drawn_by, drawn_at, joint_group, stratum_tasks)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?::jsonb) returning id""", Long.class,
                taskId, DrawStatus.TARGETS_DRAWN.name(), algorithm.recordName(), algorithm.version(), seed.hex(), result.candidateCount(), result.candidateDigest(),
                DrawInputsCodec.candidates(request.candidates()), write(request.ratios()), write(result.strata()), drawnBy,
                Timestamp.from(BureauTime.now()), jointGroup, stratumTasks == null ? null : write(stratumTasks));
        jdbc.batchUpdate("insert into spotcheck.draw_task (task_id, draw_id) values (?, ?)",
                coveredTasks.stream().map(t -> new Object[] {t, drawId}).toList());
        return drawId;
    }

    /** Locks the chain and returns the next position and the digest it must point back to. */
    ChainLink nextLink() {
        jdbc.execute("lock table spotcheck.draw_record, spotcheck.draw_replacement in exclusive mode");
        List<ChainLink> last = jdbc.query("""
                select chain_position, digest from (
                    select chain_position, digest from spotcheck.draw_record where chain_position is not null
                    union all select chain_position, digest from spotcheck.draw_replacement) c
                order by chain_position desc limit 1""",
                (rs, i) -> new ChainLink(rs.getLong(1) + 1, rs.getString(2)));
        return last.isEmpty() ? new ChainLink(1, cn.spotcheck.draw.algorithm.DrawRecordContent.GENESIS) : last.get(0);
    }

    record ChainLink(long position, String previousDigest) {
    }

    /** A link of the chain as recorded: a draw record or a replacement. */
    record ChainEntry(long position, String previousDigest, String digest) {
    }

    /** The whole chain, in order. */
    List<ChainEntry> chain() {
        return jdbc.query("""
                select chain_position, previous_digest, digest from spotcheck.draw_record where chain_position is not null
                union all select chain_position, previous_digest, digest from spotcheck.draw_replacement
                order by 1""", (rs, i) -> new ChainEntry(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    /** The sealed draw records, in chain order. */
    List<Long> sealedDraws() {
        return jdbc.queryForList("select id from spotcheck.draw_record where chain_position is not null order by chain_position", Long.class);
    }

    void completeInspectors(long drawId, InspectorDrawRequest request, InspectorAssignment assignment, ChainLink link, String digest) {
        jdbc.update("update spotcheck.draw_record set status = ?, inspector_inputs = ?, chain_position = ?, previous_digest = ?, digest = ? where id = ?",
                DrawStatus.DRAWN.name(), inspectorInputsGz(request), link.position(), link.previousDigest(), digest, drawId);
        // One statement for tens of thousands of rows: the inspectors go as one flat array, each row taking its slice.
        List<TargetInspectors> targets = assignment.targets();
        Long[] targetIds = new Long[targets.size()];
        Integer[] first = new Integer[targets.size()];
        Integer[] last = new Integer[targets.size()];
        List<Long> inspectors = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            targetIds[i] = targets.get(i).targetId();
            first[i] = inspectors.size() + 1;
            inspectors.addAll(targets.get(i).inspectorIds());
            last[i] = inspectors.size();
        }
        jdbc.update("""
                insert into spotcheck.draw_assignment (draw_id, position, target_id, inspector_ids)
                select ?, t.position, t.target_id, (?::bigint[])[t.first : t.last]
                from unnest(?::bigint[], ?::int[], ?::int[]) with ordinality as t(target_id, first, last, position)""",
                drawId, inspectors.toArray(Long[]::new), targetIds, first, last);
    }

    void confirmed(long drawId, String user) {
        jdbc.update("update spotcheck.draw_record set status = ?, confirmed_by = ?, published_at = ? where id = ?",
                DrawStatus.PUBLISHED.name(), user, Timestamp.from(BureauTime.now()), drawId);
    }

    CandidateList candidates(long drawId) {
        return DrawInputsCodec.candidates(jdbc.queryForObject("select candidates from spotcheck.draw_record where id = ?", byte[].class, drawId));
    }

    Map<String, java.math.BigDecimal> ratios(long drawId) {
        return read(jdbc.queryForObject("select ratios::text from spotcheck.draw_record where id = ?", String.class, drawId),
                new TypeReference<LinkedHashMap<String, java.math.BigDecimal>>() { });
    }

    java.util.Map<Long, Integer> candidatesByTask(java.util.Collection<Long> taskIds) {
        java.util.Map<Long, Integer> candidates = new java.util.HashMap<>();
        jdbc.query("select task_id, candidate_count from spotcheck.draw_record where task_id = any(?)", rs -> {
            candidates.put(rs.getLong(1), rs.getInt(2));
        }, (Object) taskIds.toArray(Long[]::new));
        return candidates;
    }

    List<StratumDraw> strata(long drawId) {
        return read(jdbc.queryForObject("select strata::text from spotcheck.draw_record where id = ?", String.class, drawId),
                new TypeReference<List<StratumDraw>>() { });
    }

    InspectorDrawRequest inspectorRequest(long drawId, DrawSeed seed, List<Long> targetIds) {
        byte[] data = jdbc.queryForObject("select inspector_inputs from spotcheck.draw_record where id = ?", byte[].class, drawId);
        return inspectorRequest(data, seed, targetIds);
    }

    InspectorDrawRequest inspectorRequest(byte[] gz, DrawSeed seed, List<Long> targetIds) {
        JsonNode node = read(DrawInputsCodec.gunzip(gz), new TypeReference<JsonNode>() { });
        List<Inspector> inspectors = new ArrayList<>();
        node.get("inspectors").forEach(i -> inspectors.add(new Inspector(i.get(0).asLong(), i.get(1).asText())));
        Set<Recusal> recusals = new HashSet<>();
        node.get("recusals").forEach(r -> recusals.add(new Recusal(r.get(0).asLong(), r.get(1).asLong())));
        List<String> departments = new ArrayList<>();
        node.get("departments").forEach(d -> departments.add(d.asText()));
        return new InspectorDrawRequest(seed, targetIds, node.get("perTarget").asInt(), inspectors, recusals, departments);
    }

    byte[] inspectorInputsGz(InspectorDrawRequest request) {
        return DrawInputsCodec.gzip(write(DrawInputsCodec.inspectorInputs(request)));
    }

    InspectorAssignment assignment(long drawId) {
        return new InspectorAssignment(jdbc.query("select target_id, inspector_ids from spotcheck.draw_assignment where draw_id = ? order by position",
                (rs, i) -> new TargetInspectors(rs.getLong(1), Arrays.asList((Long[]) rs.getArray(2).getArray())), drawId));
    }

    void replaceAssignment(long drawId, long targetId, List<Long> inspectorIds) {
        jdbc.update(con -> {
            var ps = con.prepareStatement("update spotcheck.draw_assignment set inspector_ids = ? where draw_id = ? and target_id = ?");
            ps.setArray(1, con.createArrayOf("bigint", inspectorIds.toArray(Long[]::new)));
            ps.setLong(2, drawId);
            ps.setLong(3, targetId);
            return ps;
        });
    }

    private Optional<Stored> one(String where, long arg) {
        List<Stored> found = jdbc.query("""
                select id, task_id, status, seed, algorithm, algorithm_version, candidate_count, candidate_digest,
                       chain_position, previous_digest, digest, drawn_at, drawn_by, confirmed_by, published_at
                from spotcheck.draw_record""" + " " + where,
                (rs, i) -> new Stored(rs.getLong(1), rs.getLong(2), DrawStatus.valueOf(rs.getString(3)), DrawSeed.ofHex(rs.getString(4)),
                        rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getString(8), (Long) rs.getObject(9),
                        rs.getString(10), rs.getString(11), rs.getTimestamp(12), rs.getString(13), rs.getString(14),
                        rs.getTimestamp(15)), arg);
        return found.stream().findFirst();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
