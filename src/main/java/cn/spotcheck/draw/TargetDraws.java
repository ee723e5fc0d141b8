package cn.spotcheck.draw;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.catalog.CandidateScan;
import cn.spotcheck.draw.algorithm.Candidate;
import cn.spotcheck.draw.algorithm.CandidateList;
import cn.spotcheck.draw.algorithm.DrawAlgorithm;
import cn.spotcheck.draw.algorithm.DrawSeed;
import cn.spotcheck.draw.algorithm.TargetDraw;
import cn.spotcheck.draw.algorithm.TargetDrawRequest;
import cn.spotcheck.draw.algorithm.TargetDrawResult;
import cn.spotcheck.identity.CurrentUser;
import cn.spotcheck.inspection.Inspections;
import cn.spotcheck.plan.AnnualPlans;
import cn.spotcheck.plan.TaskView;
import cn.spotcheck.system.ApiException;

/**
 * 抽取检查对象, the first step of a task's draw: stratified by credit level, recently inspected targets at half weight.
 * A task is drawn once; asking again returns the same record. The seed comes from {@link SecureRandom} at the moment
 * of the draw and is never taken from a user.
 */
@Service
public class TargetDraws {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The stratum of a 定向抽查's named targets: not drawn, all taken. */
    public static final String TARGETED = "定向";

    private final AnnualPlans plans;
    private final CandidateScan candidates;
    private final Inspections inspections;
    private final DrawSettings settings;
    private final DrawStore store;
    private final JointGroupCandidates jointGroups;

    TargetDraws(AnnualPlans plans, CandidateScan candidates, Inspections inspections, DrawSettings settings, DrawStore store,
                JointGroupCandidates jointGroups) {
        this.plans = plans;
        this.candidates = candidates;
        this.inspections = inspections;
        this.settings = settings;
        this.store = store;
        this.jointGroups = jointGroups;
    }

    /**
     * Draws the task's targets and answers the record's id. A task of a joint group (联合抽查组) is drawn with its
     * group, once, for the union of the members' scopes ({@link JointGroupCandidates}); a member asking later gets
     * that same record.
     */
    @Transactional
    public long draw(long taskId) {
        return draw(taskId, settings);
    }

    /** The same with other settings (a test of a rule the shared test platform has turned off). */
    @Transactional
    long draw(long taskId, DrawSettings settings) {
        var existing = store.byTask(taskId);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        TaskView task = plans.task(taskId);
        if (task.jointGroup() != null) {
            return drawJointGroup(task);
        }
        if (task.targeted()) {
            return drawNamed(task);
        }
        Set<String> scope = new LinkedHashSet<>(jointGroups.scopeCategories(task));
        Set<Long> recent = inspections.inspectedSince(task.itemCodes(), BureauTime.today().minusDays(settings.recentWindowDays()));
        Map<String, long[]> levels = candidates.idsByCreditLevel(List.copyOf(scope), task.targetFilter().regions(), task.targetFilter().tags());
        if (levels.isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "任务“" + task.name() + "”的抽查范围内没有在营的检查对象", List.of());
        }
        Map<String, BigDecimal> ratios = new TreeMap<>();
        levels.keySet().forEach(level -> ratios.put(level, settings.ratioFor(level, task.ratio())));
        CandidateList drawable = candidateList(levels, recent, ratios, settings);
        DrawSeed seed = DrawSeed.generate(RANDOM);
        TargetDrawRequest request = new TargetDrawRequest(seed, drawable, ratios);
        return store.insertTargets(taskId, seed, DrawAlgorithm.CURRENT, request, TargetDraw.draw(request), CurrentUser.id());
    }

    /**
     * The candidates, by credit level, recently inspected targets at half weight. 最低频次: a candidate of a level with
     * a minimum frequency that has had no inspection (of any item, dispatched or done) within its period moves to the
     * stratum {@code <level>·最低频次}, drawn whole; the record then says by its stratum which rule took each target,
     * and stays verifiable from its inputs alone.
     */
    private CandidateList candidateList(Map<String, long[]> levels, Set<Long> recent, Map<String, BigDecimal> ratios,
                                        DrawSettings settings) {
        CandidateList.Builder list = CandidateList.builder();
        levels.forEach((level, ids) -> {
            java.time.Period period = settings.minimumFrequencyOf(level);
            if (period == null || ratios.get(level).compareTo(TargetDraw.ALL) >= 0) {
                list.add(level, ids, weights(ids, ids.length, recent));
                return;
            }
            Set<Long> covered = inspections.targetsInspectedSince(java.util.stream.LongStream.of(ids).boxed().toList(),
                    BureauTime.today().minus(period));
            long[] kept = new long[ids.length];
            long[] due = new long[ids.length];
            int keptCount = 0;
            int dueCount = 0;
            for (long id : ids) {
                if (covered.contains(id)) {
                    kept[keptCount++] = id;
                } else {
                    due[dueCount++] = id;
                }
            }
            list.add(level, java.util.Arrays.copyOf(kept, keptCount), weights(kept, keptCount, recent));
            if (dueCount > 0) {
                String minimum = level + DrawSettings.MINIMUM_FREQUENCY;
                list.add(minimum, java.util.Arrays.copyOf(due, dueCount), weights(due, dueCount, recent));
                ratios.putIfAbsent(minimum, TargetDraw.ALL);
            }
        });
        return list.build();
    }

    /** Normal weight, half for those inspected recently. */
    private static byte[] weights(long[] ids, int count, Set<Long> recent) {
        byte[] weights = new byte[count];
        java.util.Arrays.fill(weights, (byte) Candidate.NORMAL_WEIGHT);
        if (!recent.isEmpty()) {
            for (int i = 0; i < count; i++) {
                if (recent.contains(ids[i])) {
                    weights[i] = Candidate.REDUCED_WEIGHT;
                }
            }
        }
        return weights;
    }

    /**
     * 定向抽查: the named targets still in business, all of them, as one stratum {@link #TARGETED} at ratio 1 — recorded
     * and verifiable like any draw, and saying by its stratum that no target was drawn at random.
     */
    private long drawNamed(TaskView task) {
        List<Candidate> list = new ArrayList<>();
        candidates.scanNamed(task.targetIds(), (id, level) -> list.add(new Candidate(id, TARGETED, Candidate.NORMAL_WEIGHT)));
        if (list.isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "定向抽查任务“" + task.name() + "”列出的检查对象均已不在营，无可检查的对象", List.of());
        }
        DrawSeed seed = DrawSeed.generate(RANDOM);
        TargetDrawRequest request = new TargetDrawRequest(seed, list, Map.of(TARGETED, TargetDraw.ALL));
        return store.insertTargets(task.id(), seed, DrawAlgorithm.CURRENT, request, TargetDraw.draw(request), CurrentUser.id());
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
                .filter(m -> m.id() == task.id() || m.published()).toList();
        JointGroupCandidates.Union union = jointGroups.union(members);
        List<Long> memberIds = members.stream().map(TaskView::id).toList();
        if (union.candidates().isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "联合抽查组“" + group + "”（任务：" + taskNames(memberIds)
                    + "）的抽查范围内没有在营的检查对象", List.of());
        }
        DrawSeed seed = DrawSeed.generate(RANDOM);
        TargetDrawRequest request = new TargetDrawRequest(seed, union.candidates(), union.ratios());
        TargetDrawResult result = TargetDraw.draw(request);
        return store.insertTargets(task.id(), memberIds, group, union.strata(), seed, DrawAlgorithm.CURRENT,
                request, result, CurrentUser.id());
    }

    private String taskNames(List<Long> taskIds) {
        return String.join("、", taskIds.stream().map(id -> "“" + plans.task(id).name() + "”").toList());
    }
}
