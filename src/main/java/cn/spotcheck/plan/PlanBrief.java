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
    private final List<DrawForecast> forecast;

    PlanBrief(ItemList items, List<DrawForecast> forecast) {
        this.items = items;
        this.forecast = forecast;
    }

    String of(PlanView plan) {
        StringBuilder brief = new StringBuilder();
        brief.append("**").append(Markdown.text(plan.title())).append("**　")
                .append(Markdown.text(plan.year() + " 年度 · " + plan.department() + " · "
                        + (plan.revision() == 0 ? "原计划" : "第 " + plan.revision() + " 次调整") + " · 起草人 " + plan.author()))
                .append("　").append(Markdown.link("在计划页查看", "/plans/" + plan.id())).append("\n\n");
        if (plan.tasks().isEmpty()) {
            brief.append("计划中没有抽查任务。\n");
        }
        int n = 0;
        for (TaskView task : plan.tasks()) {
            // A list rather than a table: a Tasklist form is narrow, and a task has more to say than a row holds.
            brief.append(++n).append(". **").append(Markdown.text(task.name())).append("**\n")
                    .append("    - 比例 ").append(task.ratio().movePointRight(2).stripTrailingZeros().toPlainString()).append(" %，按今日名录预计抽取 ")
                    .append(Markdown.text(forecast(task))).append("；每户 ").append(task.inspectorsPerTarget()).append(" 名执法人员\n")
                    .append("    - 期限 ").append(task.start()).append(" 至 ").append(task.end()).append("；")
                    .append(Markdown.text(task.formName())).append(task.jointGroup() == null ? "" : "；联合抽查组 " + Markdown.text(task.jointGroup())).append('\n')
                    .append("    - 检查事项：").append(Markdown.text(items(task))).append('\n')
                    .append("    - 抽查范围：").append(Markdown.text(scope(task))).append('\n');
        }
        return Markdown.fit(brief.toString(), "/plans/" + plan.id());
    }

    /** "37 户（候选 1204 户）": what the ratio means in today's directory. */
    private String forecast(TaskView task) {
        List<DrawForecast.Level> levels = DrawForecast.levels(forecast, task);
        if (levels.isEmpty()) {
            return "范围内暂无在营对象";
        }
        return levels.stream().mapToInt(DrawForecast.Level::drawn).sum() + " 户（候选 "
                + levels.stream().mapToInt(DrawForecast.Level::candidates).sum() + " 户）";
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
