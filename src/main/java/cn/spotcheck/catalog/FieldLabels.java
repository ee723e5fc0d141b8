package cn.spotcheck.catalog;

import java.util.Map;

/** The Chinese names of the registers' fields, as the history and the import report show them. */
final class FieldLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("uscc", "统一社会信用代码"), Map.entry("registrationNo", "其他登记号"), Map.entry("name", "名称"),
            Map.entry("category", "类别"), Map.entry("region", "区域"), Map.entry("address", "地址"),
            Map.entry("legalRepresentative", "法定代表人"), Map.entry("status", "状态"), Map.entry("creditLevel", "信用等级"),
            Map.entry("tags", "标注"), Map.entry("staffNo", "工号"), Map.entry("department", "部门"),
            Map.entry("position", "职务"), Map.entry("certificateNo", "执法证号"),
            Map.entry("certificateValidUntil", "执法证有效期至"), Map.entry("enforcementYears", "执法年限"),
            Map.entry("expertise", "专业领域"), Map.entry("code", "事项编码"), Map.entry("legalBasis", "检查依据"),
            Map.entry("type", "事项类型"), Map.entry("categories", "适用对象类别"), Map.entry("defaultRatio", "默认抽查比例"),
            Map.entry("jointCheckable", "可联合抽查"), Map.entry("active", "启用"), Map.entry("inspectorId", "检查人员"),
            Map.entry("targetId", "检查对象"), Map.entry("relation", "回避关系"), Map.entry("reason", "理由"),
            Map.entry("validFrom", "生效日期"), Map.entry("validTo", "截止日期"));

    private FieldLabels() {
    }

    static String of(String field) {
        return LABELS.getOrDefault(field, field);
    }
}
