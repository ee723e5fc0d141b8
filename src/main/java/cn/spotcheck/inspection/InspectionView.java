package cn.spotcheck.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An inspection as the API and the supervision group read it. */
public record InspectionView(String code, long taskId, long targetId, List<String> itemCodes, String status,
                             String statusName, List<String> inspectorStaffNos, LocalDate inspectionDate,
                             String resultCategory, String findings, LocalDate inspectionEndDate,
                             LocalDate publicationDueDate, Instant publishedAt) {
}
