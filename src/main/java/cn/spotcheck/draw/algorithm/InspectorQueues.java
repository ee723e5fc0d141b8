package cn.spotcheck.draw.algorithm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The inspectors waiting to be drawn, always ordered by <b>(load, key, id)</b>: the fewest targets so far first,
 * ties by {@code key = H(seed, "inspector|<load>|<inspectorId>")} (unsigned), then by id.
 *
 * <p>Why the key depends on the load and not on the target: it makes the order target-independent, so one heap
 * stays valid from target to target and a target costs a few heap operations instead of hashing all inspectors.
 * When an inspector is drawn its load grows and it re-enters with the key of its new load, so at every load level
 * the inspectors meet in a fresh random order and nobody is systematically first.
 *
 * <p>There is one heap per required department (joint checks) and one for all other inspectors; "the best of
 * everyone" is the best of the heap tops. Recused inspectors met at a top are set aside for the current target
 * and put back afterwards, unchanged.
 */
final class InspectorQueues {

    private record Standing(long inspectorId, int load, long key, int group) {
    }

    private static final Comparator<Standing> ORDER = (a, b) -> {
        if (a.load() != b.load()) {
            return Integer.compare(a.load(), b.load());
        }
        int byKey = Long.compareUnsigned(a.key(), b.key());
        return byKey != 0 ? byKey : Long.compare(a.inspectorId(), b.inspectorId());
    };

    private final InspectorPool pool;
    private final KeyHasher hasher;
    private final int requiredGroups;
    private final List<PriorityQueue<Standing>> groups = new ArrayList<>();

    InspectorQueues(InspectorPool pool, List<String> requiredDepartments, KeyHasher hasher) {
        this.pool = pool;
        this.hasher = hasher;
        this.requiredGroups = requiredDepartments.size();
        Map<String, Integer> groupOfDepartment = new HashMap<>();
        for (int g = 0; g <= requiredGroups; g++) {
            groups.add(new PriorityQueue<>(ORDER));
            if (g < requiredGroups) {
                groupOfDepartment.put(requiredDepartments.get(g), g);
            }
        }
        for (Inspector inspector : pool.inspectors()) {
            int group = groupOfDepartment.getOrDefault(inspector.department(), requiredGroups);
            groups.get(group).add(new Standing(inspector.id(), 0, hasher.inspectorKey(0, inspector.id()), group));
        }
    }

    /** Draws {@code count} inspectors for one target: one per required department, then the best of everyone. */
    List<Long> draw(long targetId, int count) {
        List<Standing> chosen = new ArrayList<>(count);
        List<Standing> setAside = new ArrayList<>();
        for (int g = 0; g < requiredGroups; g++) {
            chosen.add(poll(g, bestEligible(g, targetId, setAside), targetId));
        }
        while (chosen.size() < count) {
            Standing best = null;
            for (int g = 0; g < groups.size(); g++) {
                Standing top = bestEligible(g, targetId, setAside);
                if (top != null && (best == null || ORDER.compare(top, best) < 0)) {
                    best = top;
                }
            }
            chosen.add(poll(best == null ? -1 : best.group(), best, targetId));
        }
        for (Standing s : setAside) {
            groups.get(s.group()).add(s);
        }
        List<Long> ids = new ArrayList<>(count);
        for (Standing s : chosen) {
            int load = s.load() + 1;
            groups.get(s.group()).add(new Standing(s.inspectorId(), load, hasher.inspectorKey(load, s.inspectorId()),
                    s.group()));
            ids.add(s.inspectorId());
        }
        return ids;
    }

    /** The group's best inspector not recused for the target, left at the top; recused ones move to setAside. */
    private Standing bestEligible(int group, long targetId, List<Standing> setAside) {
        PriorityQueue<Standing> queue = groups.get(group);
        while (!queue.isEmpty() && pool.recused(queue.peek().inspectorId(), targetId)) {
            setAside.add(queue.poll());
        }
        return queue.peek();
    }

    private Standing poll(int group, Standing expected, long targetId) {
        if (expected == null) {
            // InspectorPool.requireStaffable rules this out; reaching it is a bug, not a user error.
            throw new IllegalStateException("检查对象 " + targetId + " 的执法人员不足，但事前检查未发现");
        }
        return groups.get(group).poll();
    }
}
