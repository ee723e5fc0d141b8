package cn.spotcheck.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.spotcheck.catalog.CatalogVocabulary;
import cn.spotcheck.catalog.ItemList;
import cn.spotcheck.catalog.ItemType;
import cn.spotcheck.catalog.ItemView;
import cn.spotcheck.system.ApiException;
import cn.spotcheck.system.FieldMessage;

/**
 * The rules a spot-check task must keep, each refusal naming the rule: items from the list (清单之外无检查),
 * 3–20 % for general items, 100 % for key items and 两客一危, at least two inspectors per target, and every check
 * done by 30 November of the plan's year.
 */
@Component
class TaskRules {

    static final BigDecimal MIN_RATIO = new BigDecimal("0.03");
    static final BigDecimal MAX_RATIO = new BigDecimal("0.20");
    static final MonthDay LAST_DAY = MonthDay.of(11, 30);
    static final String KEY_TAG = "两客一危";

    private final ItemList items;
    private final CatalogVocabulary vocabulary;
    private final JdbcTemplate jdbc;

    /**
     * The least ratio of a task with a 重点 (KEY) item. The seeds ask 100 % only of 两客一危 and "a higher ratio" of key
     * items, so bureaus set it ({@code spotcheck.rules.key-item-min-ratio}); 100 % by default. 两客一危 stays 100 %.
     */
    private final BigDecimal keyItemMinRatio;

    TaskRules(ItemList items, CatalogVocabulary vocabulary, JdbcTemplate jdbc,
              @org.springframework.beans.factory.annotation.Value("${spotcheck.rules.key-item-min-ratio:1.0}") BigDecimal keyItemMinRatio) {
        this.items = items;
        this.vocabulary = vocabulary;
        this.jdbc = jdbc;
        this.keyItemMinRatio = keyItemMinRatio;
    }

    TaskSpec validate(int planYear, TaskInput in) {
        List<FieldMessage> errors = new ArrayList<>();
        String name = in.name() == null ? null : in.name().strip();
        if (name == null || name.isEmpty()) {
            errors.add(new FieldMessage("name", "任务名称不能为空"));
        } else if (name.length() > 200) {
            errors.add(new FieldMessage("name", "任务名称不能超过 200 个字符"));
        }

        List<String> codes = clean(in.itemCodes());
        List<ItemView> taskItems = listedItems(codes, errors);

        TaskInput.Filter filter = in.targetFilter() == null ? new TaskInput.Filter(null, null, null) : in.targetFilter();
        List<String> categories = clean(filter.categories());
        Set<String> known = new LinkedHashSet<>(vocabulary.categories());
        categories.stream().filter(c -> !known.contains(c)).forEach(c ->
                errors.add(new FieldMessage("targetFilter.categories", "检查对象类别“" + c + "”不在名录中")));
        List<String> tags = clean(filter.tags());

        BigDecimal ratio = in.ratio();
        if (ratio == null) {
            errors.add(new FieldMessage("ratio", "抽查比例不能为空"));
        } else if (ratio.signum() <= 0 || ratio.compareTo(BigDecimal.ONE) > 0) {
            errors.add(new FieldMessage("ratio", "抽查比例应大于 0% 且不超过 100%"));
        } else if (!taskItems.isEmpty()) {
            String fullCoverage = fullCoverageReason(taskItems, categories, tags);
            String keyItem = taskItems.stream().filter(i -> i.type() == ItemType.KEY).map(ItemView::code).findFirst().orElse(null);
            if (fullCoverage != null && ratio.compareTo(BigDecimal.ONE) < 0) {
                errors.add(new FieldMessage("ratio", fullCoverage + "，抽查比例必须为 100%"));
            } else if (fullCoverage == null && keyItem != null && ratio.compareTo(keyItemMinRatio) < 0) {
                errors.add(new FieldMessage("ratio", "检查事项 " + keyItem + " 为重点检查事项，抽查比例不应低于 "
                        + keyItemMinRatio.movePointRight(2).stripTrailingZeros().toPlainString() + "%"));
            } else if (fullCoverage == null && keyItem == null && (ratio.compareTo(MIN_RATIO) < 0 || ratio.compareTo(MAX_RATIO) > 0)) {
                errors.add(new FieldMessage("ratio", "一般检查事项的抽查比例应不低于 3%、不高于 20%，实际为 "
                        + ratio.movePointRight(2).stripTrailingZeros().toPlainString() + "%"));
            }
        }

        int perTarget = in.inspectorsPerTarget() == null ? 2 : in.inspectorsPerTarget();
        if (perTarget < 2) {
            errors.add(new FieldMessage("inspectorsPerTarget", "每个检查对象至少选派 2 名执法人员（《行政处罚法》第四十二条）"));
        } else if (perTarget > 10) {
            errors.add(new FieldMessage("inspectorsPerTarget", "每个检查对象最多选派 10 名执法人员"));
        }

        LocalDate start = date(in.start(), "start", "开始日期", errors);
        LocalDate end = date(in.end(), "end", "结束日期", errors);
        if (start != null && start.getYear() != planYear) {
            errors.add(new FieldMessage("start", "开始日期应在计划年度 " + planYear + " 年内"));
        }
        if (end != null && end.isAfter(LAST_DAY.atYear(planYear))) {
            errors.add(new FieldMessage("end", "所有抽查应于 " + planYear + " 年 11 月 30 日前完成，结束日期不能晚于 " + LAST_DAY.atYear(planYear)));
        }
        if (start != null && end != null && end.isBefore(start)) {
            errors.add(new FieldMessage("end", "结束日期不能早于开始日期"));
        }

        CheckForm form = CheckForm.parse(in.form()).orElse(null);
        if (in.form() == null || in.form().isBlank()) {
            form = CheckForm.SECTOR_OWN;
        } else if (form == null) {
            errors.add(new FieldMessage("form", "抽查形式“" + in.form() + "”无效，可选：" + CheckForm.describe()));
        }
        List<String> departments = clean(in.departments());
        boolean joint = Boolean.TRUE.equals(in.joint()) || (form != null && form.joint());
        if (joint && departments.size() < 2) {
            errors.add(new FieldMessage("departments", "联合抽查应列出至少两个参与部门"));
        }
        taskItems.stream().filter(i -> !i.jointCheckable()).findFirst().filter(i -> joint).ifPresent(i ->
                errors.add(new FieldMessage("itemCodes", "检查事项 " + i.code() + " 不适用联合抽查")));

        String jointGroup = jointGroup(in.jointGroup(), joint, planYear, errors);

        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, errors.get(0).message(), errors);
        }
        return new TaskSpec(name, codes, categories, clean(filter.regions()), tags, ratio, perTarget, start, end, form,
                departments, joint, jointGroup);
    }

    /**
     * 联合抽查组: only a joint task may join one, and all members of a group belong to plans of the same year
     * (they are drawn once, together). Blank means none.
     */
    private String jointGroup(String value, boolean joint, int planYear, List<FieldMessage> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String group = value.strip();
        if (!joint) {
            errors.add(new FieldMessage("jointGroup", "只有联合抽查任务（joint 为 true，或选择联合抽查形式并列出参与部门）才能加入联合抽查组“"
                    + group + "”"));
        }
        if (group.length() > 200) {
            errors.add(new FieldMessage("jointGroup", "联合抽查组名称不能超过 200 个字符"));
        }
        List<Integer> otherYears = jdbc.queryForList("""
                select distinct p.plan_year from spotcheck.spot_check_task t join spotcheck.annual_plan p on p.id = t.plan_id
                where t.joint_group = ? and p.plan_year <> ? order by 1""", Integer.class, group, planYear);
        if (!otherYears.isEmpty()) {
            errors.add(new FieldMessage("jointGroup", "联合抽查组“" + group + "”已有 " + otherYears.get(0)
                    + " 年度计划的任务，同一联合抽查组的任务应属于同一计划年度（本计划为 " + planYear + " 年度）"));
        }
        return group;
    }

    /** Why the task must check every target in scope, or null for a sampled task. */
    private String fullCoverageReason(List<ItemView> taskItems, List<String> categories, List<String> tags) {
        Set<String> scope = new LinkedHashSet<>();
        taskItems.forEach(i -> scope.addAll(i.categories()));
        if (!categories.isEmpty()) {
            scope.retainAll(categories);
        }
        Set<String> keyCategories = vocabulary.keyCategories();
        for (String category : scope) {
            if (keyCategories.contains(category)) {
                return "抽查范围包含“两客一危”类别（" + category + "）";
            }
        }
        if (tags.contains(KEY_TAG)) {
            return "抽查范围为“两客一危”对象";
        }
        return null;
    }

    private static LocalDate date(String value, String field, String label, List<FieldMessage> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldMessage(field, label + "不能为空"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(new FieldMessage(field, label + "格式应为 YYYY-MM-DD：" + value));
            return null;
        }
    }

    /** A task's items: at least one, each active in the current list (清单之外无检查); refusals go to {@code errors}. */
    List<ItemView> listedItems(List<String> codes, List<FieldMessage> errors) {
        List<ItemView> listed = new ArrayList<>();
        if (codes.isEmpty()) {
            errors.add(new FieldMessage("itemCodes", "至少选择一个检查事项（清单之外无检查）"));
        }
        for (String code : codes) {
            items.byCode(code).filter(ItemView::active).ifPresentOrElse(listed::add,
                    () -> errors.add(new FieldMessage("itemCodes", "检查事项 " + code + " 不在随机抽查事项清单中（清单之外无检查）")));
        }
        return listed;
    }

    /** The values given, stripped, without blanks and repeats, in their order. */
    static List<String> clean(List<String> values) {
        List<String> result = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                if (v != null && !v.isBlank() && !result.contains(v.strip())) {
                    result.add(v.strip());
                }
            }
        }
        return result;
    }
}
