package cn.spotcheck.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Chinese names of the registers' fields, as the history and the import report show them. */
final class FieldLabels {

    /** In the order a person reads a record: the history lists changed fields in this order. */
    private static final Map<String, String> LABELS = new LinkedHashMap<>();
    private static final List<String> ORDER;

    static {
        LABELS.put("uscc", "统一社会信用代码");
        LABELS.put("registrationNo", "其他登记号");
        LABELS.put("staffNo", "工号");
        LABELS.put("code", "事项编码");
        LABELS.put("name", "名称");
        LABELS.put("type", "事项类型");
        LABELS.put("category", "类别");
        LABELS.put("categories", "适用对象类别");
        LABELS.put("region", "区域");
        LABELS.put("address", "地址");
        LABELS.put("legalRepresentative", "法定代表人");
        LABELS.put("department", "部门");
        LABELS.put("position", "职务");
        LABELS.put("certificateNo", "执法证号");
        LABELS.put("certificateValidUntil", "执法证有效期至");
        LABELS.put("enforcementYears", "执法年限");
        LABELS.put("legalBasis", "检查依据");
        LABELS.put("expertise", "专业领域");
        LABELS.put("defaultRatio", "默认抽查比例");
        LABELS.put("jointCheckable", "可联合抽查");
        LABELS.put("active", "启用");
        LABELS.put("status", "状态");
        LABELS.put("creditLevel", "信用等级");
        LABELS.put("tags", "标注");
        LABELS.put("inspectorId", "检查人员");
        LABELS.put("targetId", "检查对象");
        LABELS.put("relation", "回避关系");
        LABELS.put("reason", "理由");
        LABELS.put("validFrom", "生效日期");
        LABELS.put("validTo", "截止日期");
        ORDER = List.copyOf(LABELS.keySet());
    }

    private FieldLabels() {
    }

    static String of(String field) {
        return LABELS.getOrDefault(field, field);
    }

    static int orderOf(String field) {
        int i = ORDER.indexOf(field);
        return i < 0 ? ORDER.size() : i;
    }
}
