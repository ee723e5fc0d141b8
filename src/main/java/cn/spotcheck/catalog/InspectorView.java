package cn.spotcheck.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An inspector as the API and screens show it, with whether and why (not) drawable today. */
public record InspectorView(long id, String staffNo, String name, String department, String position,
                            String certificateNo, LocalDate certificateValidUntil, Integer enforcementYears,
                            List<String> expertise, String status, boolean drawable, List<String> notDrawableReasons,
                            Instant updatedAt, long version) {

    static InspectorView of(Inspector inspector, LocalDate today, boolean hasAccount) {
        InspectorData d = inspector.data();
        Drawability drawability = Drawability.of(d, today, hasAccount);
        return new InspectorView(inspector.getId(), d.staffNo(), d.name(), d.department(), d.position(), d.certificateNo(),
                d.certificateValidUntil(), d.enforcementYears(), d.expertise(), d.status(), drawability.drawable(),
                drawability.reasons(), inspector.getUpdatedAt(), inspector.getVersion());
    }
}
