package cn.spotcheck.draw.algorithm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The inputs are well formed but the rules cannot be met: too few eligible inspectors for some target, a required
 * department with nobody eligible, everyone recused. Nothing is assigned at all in that case — drawing fewer or
 * unqualified inspectors silently would break 行政处罚法 art. 42 — so the caller must fix the directory, the
 * recusals or the task and draw again.
 *
 * <p>The message groups the targets by what they lack and names them (the first {@value #IDS_NAMED} per group;
 * {@link #shortfalls()} has all of them).
 */
public class DrawImpossibleException extends RuntimeException {

    static final int IDS_NAMED = 20;

    private final transient List<Shortfall> shortfalls;

    public DrawImpossibleException(List<Shortfall> shortfalls) {
        this("无法完成执法人员抽取，未分配任何人员。", shortfalls);
    }

    /** @param headline what was not done, e.g. "无法更换执法人员，原分配保持不变。" */
    public DrawImpossibleException(String headline, List<Shortfall> shortfalls) {
        super(headline + describe(shortfalls));
        this.shortfalls = List.copyOf(shortfalls);
    }

    public List<Shortfall> shortfalls() {
        return shortfalls;
    }

    private static String describe(List<Shortfall> shortfalls) {
        Map<String, List<Long>> byMissing = new LinkedHashMap<>();
        for (Shortfall s : shortfalls) {
            byMissing.computeIfAbsent(s.missing(), k -> new ArrayList<>()).add(s.targetId());
        }
        List<String> parts = new ArrayList<>();
        byMissing.forEach((missing, ids) -> {
            String named = ids.stream().limit(IDS_NAMED).map(String::valueOf).collect(Collectors.joining("、"));
            String more = ids.size() > IDS_NAMED ? " 等共 " + ids.size() + " 个" : "";
            parts.add("检查对象 " + named + more + "：" + missing);
        });
        return String.join("；", parts) + "。";
    }
}
