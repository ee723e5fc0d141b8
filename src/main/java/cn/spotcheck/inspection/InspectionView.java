package cn.spotcheck.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An inspection as the API and the supervision group read it. {@code publicationDueDateProvisional} is true while
 * the publication deadline is reckoned on a year whose holiday notice is not loaded (暂定); {@code presentOfficers} are
 * the inspectors the on-site record names as present.
 */
public record InspectionView(String code, long taskId, long targetId, List<String> itemCodes, String status,
                             String statusName, List<String> inspectorStaffNos, LocalDate inspectionDate,
                             String resultCategory, String findings, LocalDate inspectionEndDate,
                             LocalDate publicationDueDate, boolean publicationDueDateProvisional, Instant publishedAt,
                             List<String> presentOfficers) {
}
