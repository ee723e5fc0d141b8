package cn.spotcheck.disclosure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import cn.spotcheck.plan.PlanView;
import cn.spotcheck.plan.TaskView;

/**
 * What an adjusted plan changed against the version published before it, in the words the public reads: tasks added
 * and withdrawn, and for a task kept (the same task, whatever its name now) each of its terms that moved, old → new.
 */
final class PlanAdjustments {

    private PlanAdjustments() {
    }

    /** One line per change; empty when nothing a reader would notice changed. */
    static List<String> between(PlanView earlier, PlanView later, ShownNames items) {
        Map<Long, TaskView> before = byId(earlier.tasks());
        Map<Long, TaskView> after = byId(later.tasks());
        List<String> changes = new ArrayList<>();
        after.forEach((id, task) -> {
            if (!before.containsKey(id)) {
                changes.add("新增任务：" + task.name());
            }
        });
        before.forEach((id, task) -> {
            if (!after.containsKey(id)) {
                changes.add("撤销任务：" + task.name());
            }
        });
        after.forEach((id, task) -> {
            TaskView old = before.get(id);
            if (old != null) {
                List<String> terms = new ArrayList<>();
                term(terms, "名称", old, task, TaskView::name);
                term(terms, "检查事项", old, task, t -> items.of(t.itemCodes()));
                term(terms, "抽查范围", old, task, t -> String.join("、", t.targetFilter().categories()));
                term(terms, "抽查比例", old, task, t -> percent(t.ratio()));
                term(terms, "抽查形式", old, task, TaskView::formName);
                term(terms, "时间", old, task, t -> t.start() + " 至 " + t.end());
                term(terms, "每户执法人员", old, task, t -> t.inspectorsPerTarget() + " 名");
                if (!terms.isEmpty()) {
                    changes.add("调整任务“" + task.name() + "”：" + String.join("；", terms));
                }
            }
        });
        return changes;
    }

    private static void term(List<String> terms, String label, TaskView old, TaskView now, Function<TaskView, String> value) {
        String was = value.apply(old);
        String is = value.apply(now);
        if (!Objects.equals(was, is)) {
            terms.add(label + " " + was + " → " + is);
        }
    }

    private static String percent(BigDecimal ratio) {
        return ratio == null ? "—" : ratio.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private static Map<Long, TaskView> byId(List<TaskView> tasks) {
        Map<Long, TaskView> byId = new LinkedHashMap<>();
        tasks.forEach(t -> byId.put(t.id(), t));
        return byId;
    }
}
