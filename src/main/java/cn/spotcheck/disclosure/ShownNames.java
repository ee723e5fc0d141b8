package cn.spotcheck.disclosure;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.spotcheck.catalog.InspectorView;
import cn.spotcheck.catalog.ItemView;

/**
 * Codes as the public reads them. Items by name with the code after it (a code no longer in the list stays a code);
 * inspectors by name and 执法证号, the only personal data the public sees of them (their staff numbers stay inside).
 */
record ShownNames(Map<String, String> shown, String unknown) {

    static ShownNames items(List<ItemView> items) {
        return new ShownNames(items.stream().collect(Collectors.toMap(ItemView::code, i -> i.name() + "（" + i.code() + "）", (a, b) -> a)), null);
    }

    static ShownNames inspectors(List<InspectorView> inspectors) {
        return new ShownNames(inspectors.stream().collect(Collectors.toMap(InspectorView::staffNo,
                i -> i.name() + "（执法证号 " + i.certificateNo() + "）", (a, b) -> a)), "（已不在检查人员名录）");
    }

    public String of(List<String> codes) {
        return codes.stream().map(c -> shown.getOrDefault(c, unknown == null ? c : unknown)).collect(Collectors.joining("、"));
    }
}
