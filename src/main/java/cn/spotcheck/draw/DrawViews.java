package cn.spotcheck.draw;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import cn.spotcheck.catalog.CandidateScan;
import cn.spotcheck.catalog.InspectorDirectory;
import cn.spotcheck.draw.algorithm.InspectorAssignment;
import cn.spotcheck.draw.algorithm.StratumDraw;
import cn.spotcheck.identity.Roles;
import cn.spotcheck.plan.TaskView;

/** A draw record as people read it: targets by name with their inspectors by staff number, strata, replacements, chain. */
@Service
public class DrawViews {

    private final DrawStore store;
    private final ReplacementStore replacements;
    private final InspectorDrawInputs inputs;
    private final InspectorDirectory inspectors;
    private final CandidateScan candidates;

    DrawViews(DrawStore store, ReplacementStore replacements, InspectorDrawInputs inputs, InspectorDirectory inspectors,
              CandidateScan candidates) {
        this.store = store;
        this.replacements = replacements;
        this.inputs = inputs;
        this.inspectors = inspectors;
        this.candidates = candidates;
    }

    /**
     * A draw not yet confirmed may still be objected to and redrawn: until it is published, only the legal staff who
     * confirm it, the supervision group and administrators read it (the public reads it once published).
     */
    static boolean readableByCurrentUser(DrawView draw) {
        return draw.publishedAt() != null || Roles.current(Roles.LEGAL, Roles.SUPERVISION, Roles.ADMIN);
    }

    public boolean isDrawn(long taskId) {
        return store.byTask(taskId).isPresent();
    }

    /** The draw covering the task, if it has been drawn. */
    Optional<DrawView> findByTask(long taskId) {
        return store.byTask(taskId).map(this::view);
    }

    /** The draw covering the task, or 404 when it has not been drawn. */
    public DrawView ofTask(long taskId) {
        return view(store.requireByTask(taskId));
    }

    /**
     * The targets in scope of each task drawn (its draw's candidates): what its ratio was applied to. A joint group's
     * draw counts for the task whose process drew it.
     */
    public java.util.Map<Long, Integer> candidatesByTask(java.util.Collection<Long> taskIds) {
        return store.candidatesByTask(taskIds);
    }

    public DrawView byId(long drawId) {
        return view(store.requireById(drawId));
    }

    DrawView view(DrawStore.Stored record) {
        List<StratumDraw> recordedStrata = store.strata(record.id());
        List<DrawView.Stratum> strata = recordedStrata.stream()
                .map(s -> new DrawView.Stratum(s.stratum(), s.ratio(), s.candidateCount(), s.drawnIds().size(),
                        DrawView.ruleOf(s.stratum(), s.ratio()))).toList();
        Map<Long, String> ruleOfTarget = new java.util.HashMap<>();
        recordedStrata.forEach(s -> s.drawnIds().forEach(id -> ruleOfTarget.put(id, DrawView.ruleOf(s.stratum(), s.ratio()))));
        Map<Long, TaskView> covered = new LinkedHashMap<>();
        inputs.coveredTasks(record).forEach(t -> covered.put(t.id(), t));
        Map<Long, List<String>> itemCodes = DrawCoverage.itemCodesByTarget(record.taskId(), recordedStrata,
                store.stratumTasks(record.id()), covered);
        String jointGroup = store.jointGroup(record.id());
        List<DrawView.CoveredTask> tasks = covered.values().stream()
                .map(t -> new DrawView.CoveredTask(t.id(), t.name(), t.itemCodes(), t.departments())).toList();
        String targetedNote = covered.values().stream().filter(TaskView::targeted).findFirst().map(t -> "定向抽查：本次检查对象由法制工作人员"
                + "根据信用风险预警指定，不属于随机抽取（原因：" + t.targetedReason() + "）；执法检查人员仍随机抽取。").orElse(null);
        String note = jointGroup == null ? targetedNote : "联合抽查“" + jointGroup + "”：本次抽取一次覆盖 " + tasks.size() + " 个抽查任务（"
                + String.join("、", tasks.stream().map(t -> "“" + t.name() + "”").toList())
                + "），按各任务抽查范围的并集抽取，每个检查对象只检查一次，检查其所在范围内各任务的全部检查事项（进一次门、查多项事）";
        InspectorAssignment assignment = record.digest() == null ? new InspectorAssignment(List.of()) : store.assignment(record.id());
        List<ReplacementStore.ReplacementRow> replaced = replacements.of(record.id());
        Set<Long> inspectorIds = new HashSet<>();
        assignment.targets().forEach(t -> inspectorIds.addAll(t.inspectorIds()));
        replaced.forEach(r -> {
            inspectorIds.add(r.replacedInspector());
            inspectorIds.add(r.newInspector());
        });
        Map<Long, String> staffNos = inspectors.staffNumbers(inspectorIds);
        Map<Long, CandidateScan.TargetIdentity> identities = candidates.identities(
                assignment.targets().stream().map(t -> t.targetId()).toList());
        List<DrawView.DrawnTarget> targets = assignment.targets().stream().map(t -> {
            CandidateScan.TargetIdentity who = identities.get(t.targetId());
            return new DrawView.DrawnTarget(t.targetId(), who == null ? null : who.code(),
                    who == null ? null : who.name(), t.inspectorIds().stream().map(staffNos::get).toList(),
                    itemCodes.getOrDefault(t.targetId(), List.of()), ruleOfTarget.get(t.targetId()));
        }).toList();
        List<DrawView.ReplacementView> replacementViews = replaced.stream().map(r -> new DrawView.ReplacementView(r.sequence(),
                r.targetId(), staffNos.get(r.replacedInspector()), staffNos.get(r.newInspector()), r.reason(), r.requestedBy(),
                r.requestedAt(), r.digest())).toList();
        return new DrawView(record.id(), record.taskId(), jointGroup, tasks, note, record.status().name(), record.seed().hex(),
                record.algorithm(), record.version(), record.candidateCount(), record.candidateDigest(), strata, targets,
                replacementViews, record.previousDigest(), record.digest(), record.drawnAt().toInstant(), record.drawnBy(),
                record.confirmedBy(), record.publishedAt() == null ? null : record.publishedAt().toInstant());
    }
}
