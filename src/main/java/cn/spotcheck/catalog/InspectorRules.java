package cn.spotcheck.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.spotcheck.system.FieldMessage;

/** Validates an inspector; every problem with its field, in Chinese. */
final class InspectorRules {

    private InspectorRules() {
    }

    static Validated<InspectorData> validate(InspectorInput in) {
        List<FieldMessage> errors = new ArrayList<>();
        String staffNo = TargetRules.required(in.staffNo(), "staffNo", "工号", 32, errors);
        if (staffNo != null && !staffNo.matches("[A-Za-z0-9_-]+")) {
            errors.add(new FieldMessage("staffNo", "工号只能由字母、数字、下划线和连字符组成：" + staffNo));
        }
        String name = TargetRules.required(in.name(), "name", "姓名", 64, errors);
        String department = TargetRules.required(in.department(), "department", "部门", 100, errors);
        String position = TargetRules.optional(in.position(), "position", "职务", 64, errors);
        String certificateNo = TargetRules.optional(in.certificateNo(), "certificateNo", "执法证号", 64, errors);
        LocalDate validUntil = null;
        String rawDate = TargetRules.trim(in.certificateValidUntil());
        if (rawDate != null) {
            validUntil = Dates.parse(rawDate);
            if (validUntil == null) {
                errors.add(new FieldMessage("certificateValidUntil", "执法证有效期“" + rawDate + "”不是有效日期，格式应为 YYYY-MM-DD"));
            }
        } else if (certificateNo != null) {
            errors.add(new FieldMessage("certificateValidUntil", "填写了执法证号时，执法证有效期不能为空"));
        }
        Integer years = null;
        String rawYears = TargetRules.trim(in.enforcementYears());
        if (rawYears != null) {
            try {
                years = (int) Double.parseDouble(rawYears);
                if (years < 0 || years > 60 || years != Double.parseDouble(rawYears)) {
                    errors.add(new FieldMessage("enforcementYears", "执法年限应为 0 到 60 之间的整数：" + rawYears));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldMessage("enforcementYears", "执法年限应为整数：" + rawYears));
            }
        }
        List<String> expertise = new ArrayList<>();
        for (String e : in.expertise() == null ? List.<String>of() : in.expertise()) {
            String t = TargetRules.trim(e);
            if (t != null && !expertise.contains(t)) {
                expertise.add(t);
            }
        }
        String status = TargetRules.trim(in.status()) == null ? CatalogVocabulary.ON_DUTY : in.status().trim();
        if (!CatalogVocabulary.INSPECTOR_STATUSES.contains(status)) {
            errors.add(new FieldMessage("status", "状态“" + status + "”无效，可选：" + CatalogVocabulary.joined(CatalogVocabulary.INSPECTOR_STATUSES)));
        }
        if (!errors.isEmpty()) {
            return Validated.invalid(errors);
        }
        return Validated.valid(new InspectorData(staffNo, name, department, position, certificateNo, validUntil, years,
                expertise, status));
    }
}
