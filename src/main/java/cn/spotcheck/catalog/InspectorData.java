package cn.spotcheck.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** An inspector's fields as validated. */
record InspectorData(String staffNo, String name, String department, String position, String certificateNo,
                            LocalDate certificateValidUntil, Integer enforcementYears, List<String> expertise,
                            String status) {

    Map<String, Object> snapshot() {
        return Target.ordered("staffNo", staffNo, "name", name, "department", department, "position", position,
                "certificateNo", certificateNo, "certificateValidUntil", certificateValidUntil,
                "enforcementYears", enforcementYears, "expertise", expertise, "status", status);
    }
}
