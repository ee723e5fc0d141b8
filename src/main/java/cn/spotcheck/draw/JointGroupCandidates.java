package cn.spotcheck.draw;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.catalog.CandidateScan;
import cn.spotcheck.catalog.ItemList;
import cn.spotcheck.catalog.ItemView;
import cn.spotcheck.draw.algorithm.Candidate;
import cn.spotcheck.inspection.Inspections;
import cn.spotcheck.plan.TaskView;
import cn.spotcheck.system.ApiException;

/**
 * The candidate list of a joint group's draw (联合抽查, 进一次门、查多项事): the union of the members' scopes, each
 * target once. A target's stratum is its credit level together with the members whose scopes hold it, e.g.
 * {@code B（任务 12、15）}; the stratum's ratio is the largest any of those members would use for that level, so every
 * member's ratio is met (at least) on its own scope, and a 100 % member makes exactly its own targets 100 %. The
 * stratum code names the member tasks, so the record's digest covers which targets serve which tasks.
 */
@Component
class JointGroupCandidates {

    /** A member mask is a {@code long}. */
    static final int MAX_MEMBERS = 63;

    private final ItemList items;
    private final CandidateScan candidates;
    private final Inspections inspections;
    private final DrawSettings settings;

    JointGroupCandidates(ItemList items, CandidateScan candidates, Inspections inspections, DrawSettings settings) {
        this.items = items;
        this.candidates = candidates;
        this.inspections = inspections;
        this.settings = settings;
    }

    /** The union's candidates, the ratio of each stratum and each stratum's level and member tasks. */
    record Union(List<Candidate> candidates, Map<String, BigDecimal> ratios, Map<String, DrawStore.JointStratum> strata) {
    }

    /** The stratum code of a joint group's draw: credit level, then the member task ids in ascending order. */
    static String stratumCode(String level, List<Long> taskIds) {
        StringBuilder code = new StringBuilder(level).append("（任务 ");
        for (int i = 0; i < taskIds.size(); i++) {
            code.append(i == 0 ? "" : "、").append(taskIds.get(i));
        }
        return code.append('）').toString();
    }

    /** The categories a task may draw from: its items' categories, narrowed by its filter. */
    List<String> scopeCategories(TaskView task) {
        Set<String> scope = new LinkedHashSet<>();
        itemsOf(task).forEach(i -> scope.addAll(i.categories()));
        if (!task.targetFilter().categories().isEmpty()) {
            scope.retainAll(task.targetFilter().categories());
        }
        return List.copyOf(scope);
    }

    List<ItemView> itemsOf(TaskView task) {
        return task.itemCodes().stream().map(code -> items.byCode(code)
                .orElseThrow(() -> new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "检查事项 " + code + " 已不在清单中", List.of()))).toList();
    }

    /** {@code members} in id order. */
    Union union(List<TaskView> members) {
        if (members.size() > MAX_MEMBERS) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "联合抽查组“" + members.get(0).jointGroup() + "”有 "
                    + members.size() + " 个任务，一次联合抽取最多 " + MAX_MEMBERS + " 个任务", List.of());
        }
        Map<Long, Entry> byTarget = new HashMap<>();
        var since = BureauTime.today().minusDays(settings.recentWindowDays());
        for (int m = 0; m < members.size(); m++) {
            TaskView task = members.get(m);
            List<String> scope = scopeCategories(task);
            if (scope.isEmpty()) {
                continue;
            }
            Set<Long> recent = inspections.inspectedSince(task.itemCodes(), since);
            long bit = 1L << m;
            candidates.scan(scope, task.targetFilter().regions(), task.targetFilter().tags(), (id, level) -> {
                Entry e = byTarget.computeIfAbsent(id, k -> new Entry(level));
                e.members |= bit;
                // 无事不扰 per member; the target keeps the larger weight any member would give it.
                e.normalWeight |= !recent.contains(id);
            });
        }
        Map<String, String> codes = new HashMap<>();
        Map<String, BigDecimal> ratios = new TreeMap<>();
        Map<String, DrawStore.JointStratum> strata = new LinkedHashMap<>();
        List<Candidate> list = new ArrayList<>(byTarget.size());
        byTarget.forEach((id, e) -> {
            String code = codes.computeIfAbsent(e.level + "\n" + e.members, k -> {
                List<Long> taskIds = new ArrayList<>();
                BigDecimal ratio = BigDecimal.ZERO;
                for (int m = 0; m < members.size(); m++) {
                    if ((e.members & (1L << m)) != 0) {
                        taskIds.add(members.get(m).id());
                        ratio = ratio.max(settings.ratioFor(e.level, members.get(m).ratio()));
                    }
                }
                String c = stratumCode(e.level, taskIds);
                ratios.put(c, ratio);
                strata.put(c, new DrawStore.JointStratum(e.level, List.copyOf(taskIds)));
                return c;
            });
            list.add(new Candidate(id, code, e.normalWeight ? Candidate.NORMAL_WEIGHT : Candidate.REDUCED_WEIGHT));
        });
        return new Union(list, ratios, new TreeMap<>(strata));
    }

    private static final class Entry {
        final String level;
        long members;
        boolean normalWeight;

        Entry(String level) {
            this.level = level;
        }
    }
}
