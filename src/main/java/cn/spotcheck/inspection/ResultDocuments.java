package cn.spotcheck.inspection;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.spotcheck.catalog.ItemView;
import cn.spotcheck.documents.Documents;
import cn.spotcheck.documents.IssuedDocument;

/**
 * The documents an inspection's result produces: the 现场检查记录表 when the result is entered (issued again, the earlier
 * one superseded, when a refused result is entered anew) and the 检查结果告知书 to the target when it is published.
 */
@Component
class ResultDocuments {

    static final String ON_SITE_RECORD = "on-site-record";
    static final String RESULT_NOTICE = "result-notice";

    private final Documents documents;
    private final Inspections inspections;
    private final InspectionNotices notices;
    private final ResultCategories categories;

    ResultDocuments(Documents documents, Inspections inspections, InspectionNotices notices, ResultCategories categories) {
        this.documents = documents;
        this.inspections = inspections;
        this.notices = notices;
        this.categories = categories;
    }

    IssuedDocument onSiteRecord(String code, String targetName, String targetCode) {
        IssuedDocument record = issue(ON_SITE_RECORD, "现场检查记录表 " + code, code, targetName, targetCode);
        documents.supersede(ON_SITE_RECORD, code, record.id());
        return record;
    }

    IssuedDocument resultNotice(String code, String targetName, String targetCode) {
        return issue(RESULT_NOTICE, "检查结果告知书 " + code, code, targetName, targetCode);
    }

    private IssuedDocument issue(String kind, String title, String code, String targetName, String targetCode) {
        InspectionView inspection = inspections.get(code);
        List<ItemView> items = notices.itemsOf(inspection.taskId(), inspection.itemCodes());
        ResultCategories.Category category = categories.require(inspection.resultCategory());
        return documents.issue(kind, code, title, notices.department(inspection.taskId()), Map.of(
                "code", code,
                "targetName", targetName == null ? "" : targetName,
                "targetCode", targetCode == null ? "" : targetCode,
                "items", items,
                "inspectors", notices.names(inspection.presentOfficers().isEmpty() ? inspection.inspectorStaffNos() : inspection.presentOfficers()),
                "inspectionDate", String.valueOf(inspection.inspectionDate() == null ? inspection.inspectionEndDate() : inspection.inspectionDate()),
                "inspectionEndDate", String.valueOf(inspection.inspectionEndDate()),
                "resultCategory", inspection.resultCategory(),
                "finding", category.finding(),
                "findings", inspection.findings() == null || inspection.findings().isBlank() ? "无" : inspection.findings()));
    }
}
