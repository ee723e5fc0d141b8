package cn.spotcheck.supervision;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.spotcheck.draw.SpotCheckTaskProcess;
import cn.spotcheck.plan.AnnualPlanProcess;
import cn.spotcheck.system.Markdown;

/**
 * What a 督办 form shows above the comment: which rule is broken, by what, whose it is, the deadline and the days
 * overdue today, with a link to the record. Each diagram's supervision step calls {@link #write} as it is created.
 */
@Component("overdueBrief")
public class OverdueBrief {

    static final String OVERDUE_BRIEF = "overdueBrief";

    private final OverdueMonitor monitor;

    OverdueBrief(OverdueMonitor monitor) {
        this.monitor = monitor;
    }

    /** Create listener of the supervision steps (督办…) in every diagram. */
    public void write(DelegateTask task) {
        String reference = reference(task.getProcessDefinitionId().split(":", 2)[0], task.getExecution().getProcessBusinessKey());
        task.setVariableLocal(OVERDUE_BRIEF, of(reference));
    }

    String of(String reference) {
        OverdueMonitor.Watch watch = monitor.watch();
        Optional<OverdueItem> overdue = watch.overdue().stream().filter(i -> i.reference().equals(reference)).findFirst();
        // A step a diagram's timer opens on the due day itself is not overdue yet by the day's count: it is due now.
        Optional<OverdueItem> item = overdue.or(() -> watch.dueSoon().stream().filter(i -> i.reference().equals(reference)).findFirst());
        StringBuilder brief = new StringBuilder();
        item.ifPresentOrElse(i -> brief
                        .append("- 逾期事项：**").append(Markdown.text(i.ruleName())).append("**\n")
                        .append("- 名称：").append(Markdown.text(i.title())).append('\n')
                        .append("- 责任部门：").append(Markdown.text(i.department().isBlank() ? "未登记" : i.department())).append('\n')
                        .append("- 应完成日期：").append(i.dueDate())
                        .append(i.daysOverdue() > 0 ? "，已逾期 **" + i.daysOverdue() + " 天**" : "").append('\n'),
                () -> brief.append("- 该事项今日已不在逾期名单中（可能已办结），请核对后记录督办情况。\n"));
        brief.append("- ").append(Markdown.link("查看记录", OverdueItem.recordPath(reference))).append("　")
                .append(Markdown.link("督查考核总览", "/supervision")).append('\n');
        return brief.toString();
    }

    /** The reference an overdue item carries for the record that a diagram's business key names. */
    static String reference(String processKey, String businessKey) {
        if (AnnualPlanProcess.KEY.equals(processKey)) {
            return OverdueItem.PLAN + businessKey;
        }
        if (SpotCheckTaskProcess.KEY.equals(processKey)) {
            return OverdueItem.TASK + businessKey;
        }
        return businessKey;
    }
}
