package cn.spotcheck.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.spotcheck.system.FieldMessage;

/**
 * Validates a target against the vocabularies as they stand when an operation starts (one read per import, not
 * per row). Every problem is reported with its field, in Chinese.
 */
final class TargetRules {

    private final Set<String> categories;
    private final Set<String> tags;
    private final CatalogVocabulary vocabulary;

    TargetRules(CatalogVocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.categories = new LinkedHashSet<>(vocabulary.categories());
        this.tags = new LinkedHashSet<>(vocabulary.tags());
    }

    /** The validated data, or the problems found. */
    Validated<TargetData> validate(TargetInput in) {
        List<FieldMessage> errors = new ArrayList<>();
        String category = trim(in.category());
        if (category == null) {
            errors.add(new FieldMessage("category", "类别不能为空"));
        } else if (!categories.contains(category)) {
            errors.add(new FieldMessage("category", "类别“" + category + "”不在名录中，可选：" + CatalogVocabulary.joined(categories)));
        }

        String uscc = null;
        String registrationNo = trim(in.registrationNo());
        String rawUscc = trim(in.uscc());
        if (rawUscc != null) {
            String normalised = CreditCode.normalise(rawUscc);
            boolean individualWithOtherNumber = CatalogVocabulary.INDIVIDUAL_CATEGORY.equals(category)
                    && normalised.length() != 18 && registrationNo == null;
            if (individualWithOtherNumber) {
                registrationNo = normalised;
            } else {
                Optional<String> problem = CreditCode.problem(normalised);
                if (problem.isPresent()) {
                    errors.add(new FieldMessage("uscc", problem.get()));
                } else {
                    uscc = normalised;
                }
            }
        } else if (registrationNo == null) {
            errors.add(new FieldMessage("uscc", "统一社会信用代码不能为空（无统一社会信用代码的个体经营者请填写其他登记号）"));
        } else if (!CatalogVocabulary.INDIVIDUAL_CATEGORY.equals(category)) {
            errors.add(new FieldMessage("uscc", "只有行业个体经营者可以不填统一社会信用代码"));
        }
        if (registrationNo != null && registrationNo.length() > 64) {
            errors.add(new FieldMessage("registrationNo", "其他登记号不能超过 64 个字符"));
        }

        String name = required(in.name(), "name", "名称", 200, errors);
        String region = required(in.region(), "region", "区域", 64, errors);
        String address = optional(in.address(), "address", "地址", 300, errors);
        String legalRepresentative = optional(in.legalRepresentative(), "legalRepresentative", "法定代表人", 64, errors);

        String creditLevel = "B";
        if (trim(in.creditLevel()) != null) {
            Optional<String> level = vocabulary.creditLevels().resolve(in.creditLevel());
            if (level.isEmpty()) {
                errors.add(new FieldMessage("creditLevel", "信用等级“" + in.creditLevel().trim() + "”无效，可选："
                        + vocabulary.creditLevels().describe()));
            } else {
                creditLevel = level.get();
            }
        }
        Optional<String> status = vocabulary.operatingStatus(in.status());
        if (status.isEmpty()) {
            errors.add(new FieldMessage("status", "经营状态“" + in.status().trim() + "”无效，可选："
                    + CatalogVocabulary.joined(CatalogVocabulary.OPERATING_STATUSES)));
        }
        List<String> cleanTags = new ArrayList<>();
        for (String tag : in.tags() == null ? List.<String>of() : in.tags()) {
            String t = trim(tag);
            if (t == null || cleanTags.contains(t)) {
                continue;
            }
            if (!tags.contains(t)) {
                errors.add(new FieldMessage("tags", "标注“" + t + "”不在标注目录中，可选：" + CatalogVocabulary.joined(tags)));
            } else {
                cleanTags.add(t);
            }
        }
        if (!errors.isEmpty()) {
            return Validated.invalid(errors);
        }
        return Validated.valid(new TargetData(uscc, registrationNo, name, category, region, address,
                legalRepresentative, status.get(), creditLevel, cleanTags));
    }

    static String trim(String value) {
        if (value == null) {
            return null;
        }
        String t = value.strip();
        return t.isEmpty() ? null : t;
    }

    static String required(String value, String field, String label, int max, List<FieldMessage> errors) {
        String t = trim(value);
        if (t == null) {
            errors.add(new FieldMessage(field, label + "不能为空"));
        } else if (t.length() > max) {
            errors.add(new FieldMessage(field, label + "不能超过 " + max + " 个字符"));
        }
        return t;
    }

    static String optional(String value, String field, String label, int max, List<FieldMessage> errors) {
        String t = trim(value);
        if (t != null && t.length() > max) {
            errors.add(new FieldMessage(field, label + "不能超过 " + max + " 个字符"));
        }
        return t;
    }
}
