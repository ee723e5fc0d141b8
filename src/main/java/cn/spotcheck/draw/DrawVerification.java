package cn.spotcheck.draw;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import cn.spotcheck.calendar.BureauTime;

import cn.spotcheck.draw.algorithm.DrawAlgorithm;
import cn.spotcheck.draw.algorithm.DrawRecordContent;
import cn.spotcheck.draw.algorithm.DrawSeed;
import cn.spotcheck.draw.algorithm.DrawVerifier;
import cn.spotcheck.draw.algorithm.InspectorAssignment;
import cn.spotcheck.draw.algorithm.InspectorDrawRequest;
import cn.spotcheck.draw.algorithm.Replacement;
import cn.spotcheck.draw.algorithm.TargetDrawRequest;
import cn.spotcheck.draw.algorithm.TargetDrawResult;
import cn.spotcheck.draw.algorithm.TargetInspectors;
import cn.spotcheck.draw.algorithm.Verification;

/** Anyone's check of a draw: each record recomputed from its recorded inputs, and the whole chain walked. */
@Service
public class DrawVerification {

    /** A verification and when it was computed. */
    public record Checked(Verification verification, Instant at) {
    }

    private final DrawStore store;
    private final ReplacementStore replacements;
    private final VerificationStore kept;

    DrawVerification(DrawStore store, ReplacementStore replacements, VerificationStore kept) {
        this.store = store;
        this.replacements = replacements;
        this.kept = kept;
    }

    /**
     * Today's verification of the draw, as pages and the public site show it. A draw over a million candidates takes
     * seconds to recompute, so the check is kept: recomputed when the record's state (status, digest, replacements) has
     * moved since, when the kept one is from an earlier day, or when {@code now} is asked for.
     */
    public Checked verifyRecent(long drawId, boolean now) {
        DrawStore.Stored record = store.requireById(drawId);
        String state = record.status() + ":" + record.digest() + ":" + replacements.of(drawId).size();
        if (!now) {
            Optional<VerificationStore.Kept> last = kept.find(drawId)
                    .filter(k -> k.state().equals(state) && !k.at().isBefore(startOfToday()));
            if (last.isPresent()) {
                return new Checked(last.get().verification(), last.get().at());
            }
        }
        Instant at = BureauTime.now();
        Verification verification = verify(drawId);
        kept.keep(drawId, state, verification, at);
        return new Checked(verification, at);
    }

    /**
     * 每日复核: today's verification of every draw sealed in the last year that has none yet, so that the first opening
     * of a page in the morning finds it ready. Run by the morning timer ({@code task-scheduler.bpmn}).
     */
    public int verifyRecentDraws() {
        Instant today = startOfToday();
        List<Long> stale = kept.staleSince(today.minus(Duration.ofDays(366)), today);
        stale.forEach(id -> verifyRecent(id, true));
        return stale.size();
    }

    private static Instant startOfToday() {
        return BureauTime.today().atStartOfDay(BureauTime.ZONE).toInstant();
    }

    /** Recomputes the draw from its recorded inputs and checks its digest. */
    public Verification verify(long drawId) {
        DrawStore.Stored record = store.requireById(drawId);
        TargetDrawRequest targetInputs = new TargetDrawRequest(record.seed(), store.candidates(drawId), store.ratios(drawId));
        TargetDrawResult recordedTargets = new TargetDrawResult(record.candidateDigest(), record.candidateCount(), store.strata(drawId));
        Verification jointStrata = verifyJointStrata(drawId, targetInputs.ratios().keySet());
        DrawAlgorithm algorithm = record.drawAlgorithm();
        if (record.digest() == null) {
            return DrawVerifier.verifyTargets(algorithm, targetInputs, recordedTargets).and(jointStrata);
        }
        InspectorDrawRequest inspectorInputs = store.inspectorRequest(drawId, record.seed(), recordedTargets.drawnIds());
        InspectorAssignment original = originalAssignment(drawId, store.assignment(drawId));
        Verification result = DrawVerifier.verify(algorithm, targetInputs, recordedTargets, inspectorInputs, original);
        String recomputed = DrawRecordContent.ofDraw(algorithm, record.seed(), recordedTargets, inspectorInputs, original, record.previousDigest()).digest();
        if (!recomputed.equals(record.digest())) {
            result = result.and(new Verification(false, List.of("记录摘要不符：重新计算为 " + recomputed + "，记录为 " + record.digest())));
        }
        return result.and(jointStrata);
    }

    /**
     * Walks the whole chain: every link points at the one before, each draw record is recomputed from its inputs,
     * and each replacement's digest is recomputed from its stored content (the same code that sealed it).
     */
    public Verification verifyChain() {
        List<String> problems = new ArrayList<>();
        String previous = DrawRecordContent.GENESIS;
        long expectedPosition = 1;
        for (DrawStore.ChainEntry link : store.chain()) {
            if (link.position() != expectedPosition) {
                problems.add("链位置 " + expectedPosition + " 的记录缺失");
                expectedPosition = link.position();
            }
            if (!previous.equals(link.previousDigest())) {
                problems.add("链位置 " + link.position() + " 记录的上一摘要与前一条记录不符");
            }
            previous = link.digest();
            expectedPosition++;
        }
        for (ReplacementStore.SealedReplacement r : replacements.sealed()) {
            String where = "链位置 " + r.chainPosition() + "（抽取记录 " + r.drawId() + " 的第 " + r.sequence() + " 次更换执法人员）";
            try {
                InspectorDrawRequest inputs = store.inspectorRequest(r.inspectorInputs(), DrawSeed.ofHex(r.drawSeed()), List.of());
                Replacement replacement = new Replacement(r.sequence(), r.targetId(), r.replacedInspector(), r.newInspector(), r.reason());
                String recomputed = replacementDigest(r.algorithm(), inputs, r.candidateDigest(), replacement, r.previousDigest());
                if (!recomputed.equals(r.digest())) {
                    problems.add(where + "的摘要与其内容不符：按记录的内容重新计算为 " + recomputed + "，记录为 " + r.digest());
                }
            } catch (RuntimeException e) {
                problems.add(where + "的内容无法重新计算摘要：" + e.getMessage());
            }
        }
        for (long drawId : store.sealedDraws()) {
            Verification v = verify(drawId);
            if (!v.valid()) {
                v.problems().forEach(p -> problems.add("抽取记录 " + drawId + "：" + p));
            }
        }
        return new Verification(problems.isEmpty(), problems);
    }

    /** The digest that seals a replacement into the chain: computed once when recorded, again when the chain is verified. */
    static String replacementDigest(DrawAlgorithm algorithm, InspectorDrawRequest request, String candidateDigest,
                                    Replacement replacement, String previousDigest) {
        return DrawRecordContent.ofReplacement(algorithm, request, candidateDigest, replacement, previousDigest).digest();
    }

    /**
     * A joint group's draw: each stratum's recorded member tasks must be the ones its code names (the code is under
     * the digest), and among the tasks the record covers. Nothing to check for an ordinary draw.
     */
    private Verification verifyJointStrata(long drawId, Set<String> strata) {
        Map<String, DrawStore.JointStratum> joint = store.stratumTasks(drawId);
        if (joint.isEmpty()) {
            return new Verification(true, List.of());
        }
        Set<Long> covered = new HashSet<>(store.coveredTasks(drawId));
        List<String> problems = new ArrayList<>();
        for (String stratum : strata) {
            DrawStore.JointStratum s = joint.get(stratum);
            if (s == null) {
                problems.add("联合抽查分层“" + stratum + "”没有记录所属任务");
            } else if (!JointGroupCandidates.stratumCode(s.level(), s.tasks()).equals(stratum)) {
                problems.add("联合抽查分层“" + stratum + "”记录的信用等级和所属任务（" + s.level() + "，任务 " + s.tasks() + "）与分层名称不符");
            } else if (!covered.containsAll(s.tasks())) {
                problems.add("联合抽查分层“" + stratum + "”的所属任务不全在本次抽取覆盖的任务中");
            }
        }
        return new Verification(problems.isEmpty(), problems);
    }

    /** The assignment as first drawn: the current one with every replacement undone, newest first. */
    private InspectorAssignment originalAssignment(long drawId, InspectorAssignment current) {
        Map<Long, List<Long>> byTarget = new LinkedHashMap<>();
        current.targets().forEach(t -> byTarget.put(t.targetId(), new ArrayList<>(t.inspectorIds())));
        List<ReplacementStore.ReplacementRow> rows = replacements.of(drawId);
        for (int k = rows.size() - 1; k >= 0; k--) {
            ReplacementStore.ReplacementRow r = rows.get(k);
            List<Long> slot = byTarget.get(r.targetId());
            int i = slot.indexOf(r.newInspector());
            if (i >= 0) {
                slot.set(i, r.replacedInspector());
            }
        }
        return new InspectorAssignment(byTarget.entrySet().stream().map(e -> new TargetInspectors(e.getKey(), e.getValue())).toList());
    }
}
