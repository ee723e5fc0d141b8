package cn.spotcheck.catalog;

import java.util.List;

/** An inspector as a person or a spreadsheet row gives it; dates as {@code YYYY-MM-DD} text. */
record InspectorInput(String staffNo, String name, String department, String position, String certificateNo,
                             String certificateValidUntil, String enforcementYears, List<String> expertise,
                             String status) {
}
