package cn.spotcheck.draw;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.catalog.CandidateScan;
import cn.spotcheck.catalog.InspectorDirectory;
import cn.spotcheck.catalog.InspectorView;
import cn.spotcheck.draw.algorithm.Candidate;
import cn.spotcheck.draw.algorithm.DrawAlgorithm;
import cn.spotcheck.draw.algorithm.DrawImpossibleException;
import cn.spotcheck.draw.algorithm.DrawRecordContent;
import cn.spotcheck.draw.algorithm.DrawSeed;
import cn.spotcheck.draw.algorithm.DrawVerifier;
import cn.spotcheck.draw.algorithm.Inspector;
import cn.spotcheck.draw.algorithm.InspectorAssignment;
import cn.spotcheck.draw.algorithm.InspectorDraw;
import cn.spotcheck.draw.algorithm.InspectorDrawRequest;
import cn.spotcheck.draw.algorithm.InspectorReplacement;
import cn.spotcheck.draw.algorithm.InvalidDrawInputException;
import cn.spotcheck.draw.algorithm.Recusal;
import cn.spotcheck.draw.algorithm.Replacement;
import cn.spotcheck.draw.algorithm.ReplacementOutcome;
import cn.spotcheck.draw.algorithm.TargetDraw;
import cn.spotcheck.draw.algorithm.TargetDrawRequest;
import cn.spotcheck.draw.algorithm.TargetDrawResult;
import cn.spotcheck.draw.algorithm.Verification;
import cn.spotcheck.identity.CurrentUser;
import cn.spotcheck.inspection.Inspections;
import cn.spotcheck.plan.AnnualPlans;
import cn.spotcheck.plan.TaskView;
import cn.spotcheck.system.ApiException;

/**
 * The draw of one spot-check task, as the {@code spot-check-task} diagram calls it: targets, then inspectors,
 * then the confirmation that publishes it. A task is drawn once; asking again returns the same record. The seed
 * comes from {@link SecureRandom} at the moment of the draw and is never taken from a user.
 */
@Service("taskDraws")
public class TaskDraws {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AnnualPlans plans;
    private final CandidateScan candidates;
    private final InspectorDirectory inspectors;
    private final Inspections inspections;
    private final DrawSettings settings;
    private final DrawStore store;
    private final JdbcTemplate jdbc;
    private final IdentityService identityService;
    private final JointGroupCandidates jointGroups;

    TaskDraws(AnnualPlans plans, CandidateScan candidates, InspectorDirectory inspectors,
              Inspections inspections, DrawSettings settings, DrawStore store, JdbcTemplate jdbc,
              IdentityService identityService, JointGroupCandidates jointGroups) {
        this.jointGroups = jointGroups;
        this.plans = plans;
        this.candidates = candidates;
        this.inspectors = inspectors;
        this.inspections = inspections;
        this.settings = settings;
        this.store = store;
        this.jdbc = jdbc;
        this.identityService = identityService;
    }

    /**
     * 抽取检查对象: stratified by credit level, recently inspected targets at half weight. A task of a joint group
     * (联合抽查组) is drawn with its group, once, for the union of the members' scopes ({@link JointGroupCandidates});
     * a member asking later gets that same record.
     */
    @Transactional
    public long drawTargets(long taskId) {
        var existing = store.byTask(taskId);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        TaskView task = plans.task(taskId);
        if (task.jointGroup() != null) {
            return drawJointGroup(task);
        }
        Set<String> scope = new LinkedHashSet<>(jointGroups.scopeCategories(task));
        Set<Long> recent = inspections.inspectedSince(task.itemCodes(), BureauTime.today().minusDays(settings.recentWindowDays()));
        List<Candidate> list = new ArrayList<>();
        Map<String, BigDecimal> ratios = new TreeMap<>();
        candidates.scan(List.copyOf(scope), task.targetFilter().regions(), task.targetFilter().tags(), (id, level) -> {
            list.add(new Candidate(id, level, recent.contains(id) ? Candidate.REDUCED_WEIGHT : Candidate.NORMAL_WEIGHT));
            ratios.computeIfAbsent(level, l -> settings.ratioFor(l, task.ratio()));
        });
        if (list.isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "任务“" + task.name() + "”的抽查范围内没有在营的检查对象", List.of());
        }
        DrawSeed seed = DrawSeed.generate(RANDOM);
        TargetDrawRequest request = new TargetDrawRequest(seed, list, ratios);
        TargetDrawResult result = TargetDraw.draw(request);
        return store.insertTargets(taskId, seed, DrawAlgorithm.NAME, DrawAlgorithm.VERSION, request, result, CurrentUser.id());
    }

    /**
     * The draw of a joint group: the published members (and the asking task) are drawn together once. A task that
     * joined the group, or whose plan was published, after the group was drawn is not in that draw and is refused
     * rather than silently given targets drawn without its scope.
     */
    private long drawJointGroup(TaskView task) {
        String group = task.jointGroup();
        store.lockJointGroup(group);
        var existing = store.byTask(task.id());
        if (existing.isPresent()) {
            return existing.get().id();
        }
        store.byJointGroup(group).ifPresent(other -> {
            throw ApiException.conflict("jointGroup", "无法抽取检查对象：联合抽查组“" + group + "”已于 "
                    + other.drawnAt().toInstant().atZone(BureauTime.ZONE).toLocalDate() + " 抽取（抽取记录 " + other.id()
                    + "，覆盖任务：" + taskNames(store.coveredTasks(other.id())) + "），任务“" + task.name()
                    + "”当时不在其中（加入该组或所属计划发布晚于抽取），不能沿用该次抽取结果；请调整计划，将该任务移出联合抽查组或另编一组");
        });
        List<TaskView> members = plans.jointGroupMembers(group).stream()
                .filter(m -> m.id() == task.id() || "PUBLISHED".equals(m.status())).toList();
        JointGroupCandidates.Union union = jointGroups.union(members);
        List<Long> memberIds = members.stream().map(TaskView::id).toList();
        if (union.candidates().isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "联合抽查组“" + group + "”（任务：" + taskNames(memberIds)
                    + "）的抽查范围内没有在营的检查对象", List.of());
        }
        DrawSeed seed = DrawSeed.generate(RANDOM);
        TargetDrawRequest request = new TargetDrawRequest(seed, union.candidates(), union.ratios());
        TargetDrawResult result = TargetDraw.draw(request);
        return store.insertTargets(task.id(), memberIds, group, union.strata(), seed, DrawAlgorithm.NAME, DrawAlgorithm.VERSION,
                request, result, CurrentUser.id());
    }

    private String taskNames(List<Long> taskIds) {
        return String.join("、", taskIds.stream().map(id -> "“" + plans.task(id).name() + "”").toList());
    }

    /** 抽取执法检查人员, then the record is sealed into the chain. */
    @Transactional
    public void drawInspectors(long taskId) {
        DrawStore.Stored record = store.byTask(taskId).orElseThrow(() -> notDrawn(taskId));
        if (!"TARGETS_DRAWN".equals(record.status())) {
            return;
        }
        TargetDrawResult targets = new TargetDrawResult(record.candidateDigest(), record.candidateCount(), store.strata(record.id()));
        List<Long> targetIds = targets.drawnIds();
        InspectorDrawRequest request = inspectorRequest(coveredTasks(record), record.seed(), targetIds);
        InspectorAssignment assignment;
        try {
            assignment = InspectorDraw.draw(request);
        } catch (DrawImpossibleException | InvalidDrawInputException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "无法抽取执法检查人员：" + e.getMessage(), List.of());
        }
        DrawStore.ChainLink link = store.nextLink();
        String digest = DrawRecordContent.ofDraw(record.seed(), targets, request, assignment, link.previousDigest()).digest();
        store.completeInspectors(record.id(), request, assignment, link, digest);
    }

    /** 确认并公布: the confirming user's decision; a confirmed draw becomes public. */
    @Transactional
    public void confirm(DelegateTask task) {
        if (!Boolean.TRUE.equals(task.getVariable("approved"))) {
            return;
        }
        long taskId = ((Number) task.getVariable("taskId")).longValue();
        DrawStore.Stored record = store.byTask(taskId).orElseThrow(() -> notDrawn(taskId));
        if (record.publishedAt() == null) {
            String user = task.getAssignee();
            if (user == null && identityService.getCurrentAuthentication() != null) {
                user = identityService.getCurrentAuthentication().getUserId();
            }
            store.confirmed(record.id(), user == null ? CurrentUser.id() : user);
        }
    }

    public boolean isDrawn(long taskId) {
        return store.byTask(taskId).isPresent();
    }

    public DrawView view(long taskId) {
        return view(store.byTask(taskId).orElseThrow(() -> notDrawn(taskId)));
    }

    public DrawView viewById(long drawId) {
        return view(store.byId(drawId).orElseThrow(() -> ApiException.notFound("抽取记录 " + drawId + " 不存在")));
    }

    /** Recomputes the draw from its recorded inputs and checks its digest. */
    public Verification verify(long drawId) {
        DrawStore.Stored record = store.byId(drawId).orElseThrow(() -> ApiException.notFound("抽取记录 " + drawId + " 不存在"));
        TargetDrawRequest targetInputs = new TargetDrawRequest(record.seed(), store.candidates(drawId), store.ratios(drawId));
        TargetDrawResult recordedTargets = new TargetDrawResult(record.candidateDigest(), record.candidateCount(), store.strata(drawId));
        Verification jointStrata = verifyJointStrata(drawId, targetInputs.ratios().keySet());
        if (record.digest() == null) {
            return DrawVerifier.verifyTargets(targetInputs, recordedTargets).and(jointStrata);
        }
        InspectorDrawRequest inspectorInputs = store.inspectorRequest(drawId, record.seed(), recordedTargets.drawnIds());
        InspectorAssignment original = originalAssignment(drawId, store.assignment(drawId));
        Verification result = DrawVerifier.verify(targetInputs, recordedTargets, inspectorInputs, original);
        String recomputed = DrawRecordContent.ofDraw(record.seed(), recordedTargets, inspectorInputs, original, record.previousDigest()).digest();
        if (!recomputed.equals(record.digest())) {
            result = result.and(new Verification(false, List.of("记录摘要不符：重新计算为 " + recomputed + "，记录为 " + record.digest())));
        }
        return result.and(jointStrata);
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

    /**
     * Replaces one inspector on one target (leave, a newly declared conflict): only that slot is redrawn, the old
     * assignment stays in the record, and the replacement is chained like a draw.
     */
    @Transactional
    public DrawView.ReplacementView replace(long taskId, long targetId, String staffNo, String reason) {
        DrawStore.Stored record = store.byTask(taskId).orElseThrow(() -> notDrawn(taskId));
        if (record.digest() == null) {
            throw ApiException.conflict("taskId", "抽取尚未完成，不能更换执法人员");
        }
        if (reason == null || reason.isBlank()) {
            throw ApiException.badRequest("reason", "更换执法人员必须说明理由");
        }
        InspectorView replaced = inspectors.findByStaffNo(staffNo)
                .orElseThrow(() -> ApiException.badRequest("staffNo", "执法人员 " + staffNo + " 不存在"));
        InspectorAssignment current = store.assignment(record.id());
        if (!current.inspectorsOf(targetId).contains(replaced.id())) {
            throw ApiException.badRequest("staffNo", "执法人员 " + staffNo + " 不在检查对象 " + targetId + " 的检查组中");
        }
        List<Long> targetIds = current.targets().stream().map(t -> t.targetId()).toList();
        InspectorDrawRequest request = inspectorRequest(coveredTasks(record), record.seed(), targetIds);
        int sequence = jdbc.queryForObject("select count(*) + 1 from spotcheck.draw_replacement where draw_id = ?", Integer.class, record.id());
        ReplacementOutcome outcome;
        try {
            outcome = InspectorReplacement.replace(request, current, sequence, targetId, replaced.id(), reason.strip());
        } catch (DrawImpossibleException | InvalidDrawInputException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "无法更换执法人员：" + e.getMessage(), List.of());
        }
        DrawStore.ChainLink link = store.nextLink();
        String digest = replacementDigest(request, record.candidateDigest(), outcome.replacement(), link.previousDigest());
        jdbc.update("""
                insert into spotcheck.draw_replacement (draw_id, sequence, target_id, replaced_inspector, new_inspector, reason,
                    requested_by, requested_at, inspector_inputs, chain_position, previous_digest, digest)
                values (?,?,?,?,?,?,?,?,?,?,?,?)""", record.id(), sequence, targetId, replaced.id(),
                outcome.replacement().newInspectorId(), reason.strip(), CurrentUser.id(), Timestamp.from(BureauTime.now()),
                store.inspectorInputsGz(request), link.position(), link.previousDigest(), digest);
        store.replaceAssignment(record.id(), targetId, outcome.assignment().inspectorsOf(targetId));
        DrawView.ReplacementView done = view(record).replacements().stream().filter(r -> r.sequence() == sequence).findFirst().orElseThrow();
        // An inspection already dispatched for the target moves with the draw, in the same transaction.
        for (long covered : store.coveredTasks(record.id())) {
            inspections.replaceInspector(covered, targetId, staffNo, done.newStaffNo(), reason.strip());
        }
        return done;
    }

    /**
     * Walks the whole chain: every link points at the one before, each draw record is recomputed from its inputs,
     * and each replacement's digest is recomputed from its stored content (the same code that sealed it).
     */
    public Verification verifyChain() {
        List<Long> drawIds = jdbc.queryForList("select id from spotcheck.draw_record where chain_position is not null order by chain_position", Long.class);
        List<String> problems = new ArrayList<>();
        List<Object[]> links = jdbc.query("""
                select chain_position, previous_digest, digest, 'draw' as kind from spotcheck.draw_record where chain_position is not null
                union all select chain_position, previous_digest, digest, 'replacement' from spotcheck.draw_replacement
                order by 1""", (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)});
        String previous = DrawRecordContent.GENESIS;
        long expectedPosition = 1;
        for (Object[] link : links) {
            if ((Long) link[0] != expectedPosition) {
                problems.add("链位置 " + expectedPosition + " 的记录缺失");
                expectedPosition = (Long) link[0];
            }
            if (!previous.equals(link[1])) {
                problems.add("链位置 " + link[0] + " 记录的上一摘要与前一条记录不符");
            }
            previous = (String) link[2];
            expectedPosition++;
        }
        jdbc.query("""
                select rp.chain_position, rp.draw_id, rp.sequence, rp.target_id, rp.replaced_inspector, rp.new_inspector,
                       rp.reason, rp.inspector_inputs, rp.previous_digest, rp.digest, r.seed, r.candidate_digest
                from spotcheck.draw_replacement rp join spotcheck.draw_record r on r.id = rp.draw_id
                order by rp.chain_position""", rs -> {
            long position = rs.getLong(1);
            String where = "链位置 " + position + "（抽取记录 " + rs.getLong(2) + " 的第 " + rs.getInt(3) + " 次更换执法人员）";
            String recorded = rs.getString(10);
            try {
                InspectorDrawRequest inputs = store.inspectorRequest(rs.getBytes(8), DrawSeed.ofHex(rs.getString(11)), List.of());
                Replacement replacement = new Replacement(rs.getInt(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getString(7));
                String recomputed = replacementDigest(inputs, rs.getString(12), replacement, rs.getString(9));
                if (!recomputed.equals(recorded)) {
                    problems.add(where + "的摘要与其内容不符：按记录的内容重新计算为 " + recomputed + "，记录为 " + recorded);
                }
            } catch (RuntimeException e) {
                problems.add(where + "的内容无法重新计算摘要：" + e.getMessage());
            }
        });
        for (long drawId : drawIds) {
            Verification v = verify(drawId);
            if (!v.valid()) {
                v.problems().forEach(p -> problems.add("抽取记录 " + drawId + "：" + p));
            }
        }
        return new Verification(problems.isEmpty(), problems);
    }

    /** The digest that seals a replacement into the chain: computed once when recorded, again when the chain is verified. */
    private static String replacementDigest(InspectorDrawRequest request, String candidateDigest, Replacement replacement,
                                            String previousDigest) {
        return DrawRecordContent.ofReplacement(request, candidateDigest, replacement, previousDigest).digest();
    }

    /** The assignment as first drawn: the current one with every replacement undone, newest first. */
    private InspectorAssignment originalAssignment(long drawId, InspectorAssignment current) {
        Map<Long, List<Long>> byTarget = new LinkedHashMap<>();
        current.targets().forEach(t -> byTarget.put(t.targetId(), new ArrayList<>(t.inspectorIds())));
        jdbc.query("select target_id, replaced_inspector, new_inspector from spotcheck.draw_replacement where draw_id = ? order by sequence desc",
                rs -> {
                    List<Long> slot = byTarget.get(rs.getLong(1));
                    int i = slot.indexOf(rs.getLong(3));
                    if (i >= 0) {
                        slot.set(i, rs.getLong(2));
                    }
                }, drawId);
        return new InspectorAssignment(byTarget.entrySet().stream()
                .map(e -> new cn.spotcheck.draw.algorithm.TargetInspectors(e.getKey(), e.getValue())).toList());
    }

    /** The tasks a record covers: its one task, or the members of its joint group. */
    private List<TaskView> coveredTasks(DrawStore.Stored record) {
        return store.coveredTasks(record.id()).stream().map(plans::task).toList();
    }

    /**
     * The inspector draw's inputs for the tasks a record covers. One task: its items' expertise (a joint task: any
     * part of it), certificates valid through its end, its departments if joint. A joint group: the union of the
     * members' expertise, each member's expertise held by someone in the pool, certificates valid through the
     * latest end, every member's department required, and at least one inspector per required department.
     */
    private InspectorDrawRequest inspectorRequest(List<TaskView> tasks, DrawSeed seed, List<Long> targetIds) {
        boolean group = tasks.size() > 1;
        boolean joint = tasks.stream().anyMatch(TaskView::joint);
        Map<TaskView, Set<String>> expertiseOfTask = new LinkedHashMap<>();
        Set<String> expertise = new LinkedHashSet<>();
        Set<String> itemCodes = new LinkedHashSet<>();
        Set<String> departmentSet = new LinkedHashSet<>();
        LocalDate end = tasks.get(0).end();
        int perTarget = 0;
        for (TaskView task : tasks) {
            Set<String> needed = new LinkedHashSet<>();
            jointGroups.itemsOf(task).forEach(i -> needed.addAll(i.expertise()));
            expertiseOfTask.put(task, needed);
            expertise.addAll(needed);
            itemCodes.addAll(task.itemCodes());
            if (task.joint()) {
                departmentSet.addAll(task.departments());
            }
            end = task.end().isAfter(end) ? task.end() : end;
            perTarget = Math.max(perTarget, task.inspectorsPerTarget());
        }
        List<String> departments = joint ? List.copyOf(departmentSet) : List.of();
        if (group) {
            perTarget = Math.max(perTarget, departments.size());
        }
        List<InspectorView> pool = inspectors.drawablePool(end, expertise, joint);
        if (pool.size() < perTarget) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "无法抽取执法检查人员：具备专业领域“" + String.join("、", expertise)
                    + "”、在岗且执法证有效期至 " + end + " 以后的执法人员只有 " + pool.size() + " 名，每个检查对象需要 "
                    + perTarget + " 名", List.of());
        }
        if (group) {
            for (TaskView task : tasks) {
                Set<String> needed = expertiseOfTask.get(task);
                if (!needed.isEmpty() && pool.stream().noneMatch(i -> i.expertise().stream().anyMatch(needed::contains))) {
                    throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "无法抽取执法检查人员：联合抽查任务“" + task.name()
                            + "”的检查事项需要专业领域“" + String.join("、", needed) + "”，在岗且执法证有效期至 " + end
                            + " 以后的执法人员中没有具备的", List.of());
                }
            }
        }
        Map<String, Long> idByStaffNo = new java.util.HashMap<>();
        pool.forEach(i -> idByStaffNo.put(i.staffNo(), i.id()));
        Set<Long> inTask = new HashSet<>(targetIds);
        Set<Recusal> recusals = new HashSet<>();
        LocalDate today = BureauTime.today();
        inspectors.recusalsInForce(today).stream().filter(r -> inTask.contains(r.targetId()))
                .forEach(r -> recusals.add(new Recusal(r.inspectorId(), r.targetId())));
        // Whoever inspected a target last time for the same item does not inspect it again.
        inspections.lastInspectors(itemCodes).forEach((targetId, staffNos) -> {
            if (inTask.contains(targetId)) {
                staffNos.stream().map(idByStaffNo::get).filter(java.util.Objects::nonNull)
                        .forEach(id -> recusals.add(new Recusal(id, targetId)));
            }
        });
        List<Inspector> eligible = pool.stream().map(i -> new Inspector(i.id(), i.department())).toList();
        try {
            return new InspectorDrawRequest(seed, targetIds, perTarget, eligible, recusals, departments);
        } catch (InvalidDrawInputException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(), List.of());
        }
    }

    private DrawView view(DrawStore.Stored record) {
        List<cn.spotcheck.draw.algorithm.StratumDraw> recordedStrata = store.strata(record.id());
        List<DrawView.Stratum> strata = recordedStrata.stream()
                .map(s -> new DrawView.Stratum(s.stratum(), s.ratio(), s.candidateCount(), s.drawnIds().size())).toList();
        Map<Long, TaskView> covered = new LinkedHashMap<>();
        coveredTasks(record).forEach(t -> covered.put(t.id(), t));
        Map<Long, List<String>> itemCodes = DrawCoverage.itemCodesByTarget(record.taskId(), recordedStrata,
                store.stratumTasks(record.id()), covered);
        String jointGroup = store.jointGroup(record.id());
        List<DrawView.CoveredTask> tasks = covered.values().stream()
                .map(t -> new DrawView.CoveredTask(t.id(), t.name(), t.itemCodes(), t.departments())).toList();
        String jointNote = jointGroup == null ? null : "联合抽查“" + jointGroup + "”：本次抽取一次覆盖 " + tasks.size() + " 个抽查任务（"
                + String.join("、", tasks.stream().map(t -> "“" + t.name() + "”").toList())
                + "），按各任务抽查范围的并集抽取，每个检查对象只检查一次，检查其所在范围内各任务的全部检查事项（进一次门、查多项事）";
        InspectorAssignment assignment = record.digest() == null ? new InspectorAssignment(List.of()) : store.assignment(record.id());
        Set<Long> inspectorIds = new HashSet<>();
        assignment.targets().forEach(t -> inspectorIds.addAll(t.inspectorIds()));
        List<Object[]> replacementRows = jdbc.query("""
                select sequence, target_id, replaced_inspector, new_inspector, reason, requested_by, requested_at, digest
                from spotcheck.draw_replacement where draw_id = ? order by sequence""",
                (rs, i) -> new Object[] {rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8)}, record.id());
        replacementRows.forEach(r -> {
            inspectorIds.add((Long) r[2]);
            inspectorIds.add((Long) r[3]);
        });
        Map<Long, String> staffNos = inspectors.staffNumbers(inspectorIds);
        Map<Long, CandidateScan.TargetIdentity> identities = candidates.identities(
                assignment.targets().stream().map(t -> t.targetId()).toList());
        List<DrawView.DrawnTarget> targets = assignment.targets().stream().map(t -> {
            CandidateScan.TargetIdentity who = identities.get(t.targetId());
            return new DrawView.DrawnTarget(t.targetId(), who == null ? null : who.code(),
                    who == null ? null : who.name(), t.inspectorIds().stream().map(staffNos::get).toList(),
                    itemCodes.getOrDefault(t.targetId(), List.of()));
        }).toList();
        List<DrawView.ReplacementView> replacements = replacementRows.stream().map(r -> new DrawView.ReplacementView(
                (Integer) r[0], (Long) r[1], staffNos.get((Long) r[2]), staffNos.get((Long) r[3]), (String) r[4],
                (String) r[5], (java.time.Instant) r[6], (String) r[7])).toList();
        return new DrawView(record.id(), record.taskId(), jointGroup, tasks, jointNote, record.status(), record.seed().hex(), record.algorithm(),
                record.version(), record.candidateCount(), record.candidateDigest(), strata, targets, replacements,
                record.previousDigest(), record.digest(), record.drawnAt().toInstant(), record.drawnBy(),
                record.confirmedBy(), record.publishedAt() == null ? null : record.publishedAt().toInstant());
    }

    private static ApiException notDrawn(long taskId) {
        return ApiException.notFound("抽查任务 " + taskId + " 尚未抽取");
    }
}
