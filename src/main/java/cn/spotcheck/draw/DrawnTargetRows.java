package cn.spotcheck.draw;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.spotcheck.catalog.InspectorDirectory;

/** The drawn targets as people read them, with their inspectors by name: on the task page and in 确认并公布. */
@Component
class DrawnTargetRows {

    /** A drawn target as listed. */
    record DrawnRow(String name, String uscc, String inspectors, String items, String rule) {
    }

    private final InspectorDirectory inspectors;

    DrawnTargetRows(InspectorDirectory inspectors) {
        this.inspectors = inspectors;
    }

    /** The first {@code limit} drawn targets: a province's task draws tens of thousands. */
    List<DrawnRow> first(DrawView draw, int limit) {
        List<DrawView.DrawnTarget> shown = draw.targets().stream().limit(limit).toList();
        Map<String, String> names = new HashMap<>();
        inspectors.cards(shown.stream().flatMap(t -> t.inspectorStaffNos().stream()).toList())
                .forEach((staffNo, card) -> names.put(staffNo, card.name()));
        return shown.stream().map(t -> new DrawnRow(t.name(), t.uscc(),
                String.join("、", t.inspectorStaffNos().stream().map(s -> names.getOrDefault(s, s) + "（" + s + "）").toList()),
                String.join("、", t.itemCodes()), t.rule())).toList();
    }
}
