package cn.spotcheck.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.catalog.CreditRecords;
import cn.spotcheck.catalog.CreditRules;
import cn.spotcheck.disclosure.PublishedResultCounts;
import cn.spotcheck.inspection.ResultCategories;

/**
 * 信用风险预警, by two rules: a target with repeated findings ({@code spotcheck.credit.warning-*}), and a target
 * category whose discovery rate this quarter rose above the quarter before's by the margin of {@link WarningRules}.
 * Each names the targets a 定向抽查 answering it would check.
 */
@Service
public class RiskWarnings {

    static final String TARGET = "target";
    static final String CATEGORY = "category";
    /** The most targets a category's warning names (its targets with findings this quarter). */
    static final int MAX_TARGETS = 200;

    /**
     * One warning: {@code kind} and {@code key} (a target id, a category name) make its {@code reference};
     * {@code categories}: the target categories concerned, to choose the items of a targeted check.
     */
    public record Warning(String kind, String key, String subject, String detail, List<Long> targetIds, List<String> categories) {

        public String reference() {
            return kind + ":" + key;
        }

        public String kindName() {
            return TARGET.equals(kind) ? "检查对象多次发现问题" : "行业问题发现率上升";
        }
    }

    private final CreditRecords credit;
    private final CreditRules creditRules;
    private final PublishedResultCounts results;
    private final ResultCategories categories;
    private final WarningRules rules;

    RiskWarnings(CreditRecords credit, CreditRules creditRules, PublishedResultCounts results, ResultCategories categories, WarningRules rules) {
        this.credit = credit;
        this.creditRules = creditRules;
        this.results = results;
        this.categories = categories;
        this.rules = rules;
    }

    /** Both rules in words, for the page. */
    public List<String> ruleTexts() {
        return List.of("检查对象自 " + targetWindowStart() + " 起发现问题 " + creditRules.warningFindings() + " 次及以上",
                "某一行业本季度（截至今日）的问题发现率比上季度高 " + rules.rateRise().movePointRight(2).stripTrailingZeros().toPlainString()
                        + " 个百分点及以上（两个季度各至少 " + rules.minResults() + " 户已公示结果）");
    }

    public List<Warning> today() {
        List<Warning> warnings = new ArrayList<>(categoryWarnings());
        warnings.addAll(targetWarnings());
        return warnings;
    }

    public Optional<Warning> find(String reference) {
        return today().stream().filter(w -> w.reference().equals(reference)).findFirst();
    }

    private List<Warning> targetWarnings() {
        return credit.repeatedFindings(targetWindowStart().atStartOfDay(BureauTime.ZONE).toInstant(), creditRules.warningFindings())
                .stream().map(w -> new Warning(TARGET, String.valueOf(w.targetId()), w.name() + "（" + w.code() + "）",
                        "自 " + targetWindowStart() + " 起发现问题 " + w.findings() + " 次，最近一次 "
                                + BureauTime.dayOf(java.util.Date.from(w.lastFinding())) + "，当前信用等级 " + w.creditLevel(),
                        List.of(w.targetId()), w.category() == null ? List.of() : List.of(w.category()))).toList();
    }

    private List<Warning> categoryWarnings() {
        LocalDate today = BureauTime.today();
        LocalDate quarter = SupervisionReports.quarterStart(today);
        LocalDate previous = quarter.minusMonths(3);
        Set<String> findings = categories.all().stream().filter(ResultCategories.Category::finding).map(ResultCategories.Category::name)
                .collect(Collectors.toSet());
        Map<String, Map<String, Long>> now = results.byTargetCategory(quarter, today.plusDays(1));
        Map<String, Map<String, Long>> before = results.byTargetCategory(previous, quarter);
        List<Warning> warnings = new ArrayList<>();
        now.forEach((category, counts) -> {
            long total = sum(counts, null);
            long found = sum(counts, findings);
            Map<String, Long> earlier = before.getOrDefault(category, Map.of());
            long totalBefore = sum(earlier, null);
            long foundBefore = sum(earlier, findings);
            if (total < rules.minResults() || totalBefore < rules.minResults()) {
                return;
            }
            BigDecimal rise = rate(found, total).subtract(rate(foundBefore, totalBefore));
            if (rise.compareTo(rules.rateRise()) >= 0) {
                warnings.add(new Warning(CATEGORY, category, category + "（行业）", "本季度问题发现率 " + percent(found, total) + "（" + total
                        + " 户中 " + found + " 户），上季度 " + percent(foundBefore, totalBefore) + "（" + totalBefore + " 户中 " + foundBefore
                        + " 户），上升 " + rise.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + " 个百分点",
                        results.targetsWith(category, findings, quarter, today.plusDays(1), MAX_TARGETS), List.of(category)));
            }
        });
        return warnings;
    }

    private LocalDate targetWindowStart() {
        return BureauTime.today().minus(creditRules.warningWindow());
    }

    private static long sum(Map<String, Long> counts, Set<String> only) {
        return counts.entrySet().stream().filter(e -> only == null || only.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    }

    private static BigDecimal rate(long part, long whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 6, RoundingMode.HALF_UP);
    }

    private static String percent(long part, long whole) {
        return rate(part, whole).movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
