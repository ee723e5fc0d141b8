package cn.spotcheck.inspection;

import java.util.List;
import java.util.Optional;

/**
 * A part of an inspection's record kept by a module that builds on inspections (the follow-up), shown on the
 * record's page without the inspection module knowing that module: it implements this and is found as a bean.
 */
public interface RecordSection {

    /** This section of {@code inspection}'s record, or empty when the inspection has none. */
    Optional<Section> of(InspectionView inspection);

    /** A titled list of facts. */
    record Section(String title, List<Fact> facts) {
    }

    /** One fact: its label and value. */
    record Fact(String label, String value) {
    }
}
