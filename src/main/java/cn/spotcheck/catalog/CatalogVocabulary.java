package cn.spotcheck.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The controlled vocabularies of the directories: target categories (with the 两客一危 ones marked),
 * classification tags, operating statuses, inspector statuses and recusal relations. Categories and tags are
 * data (tables) an administrator can extend; the rest follow national usage.
 */
@Component
public class CatalogVocabulary {

    public static final String OPERATING = "在营";
    public static final List<String> OPERATING_STATUSES = List.of(OPERATING, "停业", "歇业", "注销", "吊销", "撤销", "迁出");
    private static final Map<String, String> STATUS_SYNONYMS = Map.of("存续", OPERATING, "开业", OPERATING,
            "营业", OPERATING, "在业", OPERATING);
    public static final String ON_DUTY = "在岗";
    public static final List<String> INSPECTOR_STATUSES = List.of(ON_DUTY, "离岗", "退休", "暂停");
    public static final List<String> RECUSAL_RELATIONS = List.of("近亲属", "曾任职", "利益申报", "上次检查", "当事人申请", "其他");
    public static final String INDIVIDUAL_CATEGORY = "行业个体经营者";

    private final JdbcTemplate jdbc;
    private final CreditLevels creditLevels;

    CatalogVocabulary(JdbcTemplate jdbc, CreditLevels creditLevels) {
        this.jdbc = jdbc;
        this.creditLevels = creditLevels;
    }

    public List<String> categories() {
        return jdbc.queryForList("select name from spotcheck.target_category order by sort_order", String.class);
    }

    /** 两客一危 categories: every target in them is checked. */
    public Set<String> keyCategories() {
        return Set.copyOf(jdbc.queryForList("select name from spotcheck.target_category where key_category", String.class));
    }

    public List<String> tags() {
        return jdbc.queryForList("select name from spotcheck.classification_tag order by name", String.class);
    }

    public CreditLevels creditLevels() {
        return creditLevels;
    }

    public Optional<String> operatingStatus(String raw) {
        String value = raw == null || raw.isBlank() ? OPERATING : raw.trim();
        value = STATUS_SYNONYMS.getOrDefault(value, value);
        return OPERATING_STATUSES.contains(value) ? Optional.of(value) : Optional.empty();
    }

    static String joined(java.util.Collection<String> values) {
        return values.stream().collect(Collectors.joining("、"));
    }
}
