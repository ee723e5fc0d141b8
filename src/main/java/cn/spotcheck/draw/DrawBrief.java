package cn.spotcheck.draw;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.draw.algorithm.Verification;
import cn.spotcheck.identity.CurrentUser;
import cn.spotcheck.system.Markdown;

/**
 * What the one who confirms a draw reads above 确认公布: how it was drawn, whether it recomputes to the same result,
 * how many per credit level, and the first drawn targets with their inspectors; the task page has the rest.
 */
@Component
class DrawBrief {

    /** Targets listed in the form; a Tasklist form is no place for a thousand rows. */
    static final int TARGETS_SHOWN = 20;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BureauTime.ZONE);

    private final DrawVerification verification;
    private final DrawnTargetRows drawnRows;

    DrawBrief(DrawVerification verification, DrawnTargetRows drawnRows) {
        this.verification = verification;
        this.drawnRows = drawnRows;
    }

    String of(DrawView draw) {
        String page = "/tasks/" + draw.taskId();
        Verification check = verification.verifyRecent(draw.id(), false).verification();
        StringBuilder brief = new StringBuilder();
        brief.append("**抽取记录第 ").append(draw.id()).append(" 号**　")
                .append(Markdown.text(TIME.format(draw.drawnAt()) + " 由 " + CurrentUser.shown(draw.drawnBy()) + " 抽取")).append("　")
                .append(Markdown.link("在任务页查看全部", page)).append("\n\n");
        if (draw.note() != null) {
            brief.append(Markdown.text(draw.note())).append("\n\n");
        }
        brief.append("- 算法：").append(Markdown.text(draw.algorithm() + " 第 " + draw.algorithmVersion() + " 版")).append('\n')
                .append("- 随机种子：").append(Markdown.text(draw.seed())).append('\n')
                .append("- 候选对象：").append(draw.candidateCount()).append(" 户\n")
                .append("- 复核：").append(check.valid() ? "**一致**（按记录的输入重新计算，结果与记录相同）"
                        : "**不一致**：" + Markdown.text(String.join("；", check.problems()))).append('\n');
        if (!draw.replacements().isEmpty()) {
            brief.append("- 更换执法人员：").append(draw.replacements().size()).append(" 次，理由见任务页\n");
        }
        List<List<?>> strata = new ArrayList<>();
        draw.strata().forEach(s -> strata.add(List.of(s.stratum(), s.candidates(),
                s.ratio().movePointRight(2).stripTrailingZeros().toPlainString() + " %", s.drawn(), s.rule())));
        brief.append(Markdown.table(List.of("信用分层", "候选", "比例", "抽中", "抽取规则"), strata));
        List<List<?>> targets = new ArrayList<>();
        drawnRows.first(draw, TARGETS_SHOWN).forEach(t -> targets.add(List.of(t.name(), t.uscc() == null ? "" : t.uscc(), t.inspectors())));
        brief.append("抽中 ").append(draw.targets().size()).append(" 户")
                .append(draw.targets().size() > TARGETS_SHOWN ? "，以下为前 " + TARGETS_SHOWN + " 户：" : "：")
                .append(Markdown.table(List.of("检查对象", "统一社会信用代码", "执法检查人员"), targets));
        return Markdown.fit(brief.toString(), page);
    }
}
