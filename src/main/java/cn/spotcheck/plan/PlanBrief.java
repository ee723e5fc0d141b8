package cn.spotcheck.plan;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.spotcheck.catalog.ItemList;
import cn.spotcheck.system.Markdown;

/** What a reviewer of a plan reads above the decision: the plan and every task in it, as the plan page shows them. */
@Component
class PlanBrief {

    private final ItemList items;

    PlanBrief(ItemList items) {
        this.items = items;
    }

    String of(PlanView plan) {
        StringBuilder brief = new StringBuilder();
        brief.append("**").append(Markdown.text(plan.title())).append("**　")
                .append(Markdown.text(plan.year() + " 年度 · " + plan.department() + " · 第 " + plan.revision() + " 版 · 起草人 " + plan.author()))
                .append("　").append(Markdown.link("在计划页查看", "/plans/" + plan.id()));
        List<List<?>> rows = new ArrayList<>();
        for (TaskView task : plan.tasks()) {
            rows.add(List.of(task.name(), items(task), scope(task), task.ratio().movePointRight(2).stripTrailingZeros().toPlainString() + " %", task.inspectorsPerTarget(),
                    task.start() + " 至 " + task.end(), task.formName(), task.jointGroup() == null ? "—" : task.jointGroup()));
        }
        if (rows.isEmpty()) {
            brief.append("\n\n计划中没有抽查任务。");
        } else {
            brief.append(Markdown.table(List.of("抽查任务", "检查事项（依据）", "抽查范围", "比例", "每户人数", "期限", "抽查形式", "联合抽查组"), rows));
        }
        return Markdown.fit(brief.toString(), "/plans/" + plan.id());
    }

    private String items(TaskView task) {
        List<String> described = new ArrayList<>();
        for (String code : task.itemCodes()) {
            described.add(items.byCode(code).map(i -> code + " " + i.name() + "（依据：" + i.legalBasis() + "）").orElse(code + "（不在现行清单中）"));
        }
        return String.join("；", described);
    }

    private static String scope(TaskView task) {
        List<String> scope = new ArrayList<>(List.of("类别：" + String.join("、", task.targetFilter().categories())));
        if (!task.targetFilter().regions().isEmpty()) {
            scope.add("区域：" + String.join("、", task.targetFilter().regions()));
        }
        if (!task.targetFilter().tags().isEmpty()) {
            scope.add("标签：" + String.join("、", task.targetFilter().tags()));
        }
        return String.join("；", scope);
    }
}
