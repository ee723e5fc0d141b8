package cn.spotcheck.disclosure;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.spotcheck.catalog.ItemView;

/** Items as the public reads them: by name, with the code after it; a code no longer in the list stays a code. */
record ItemNames(Map<String, String> names) {

    static ItemNames from(List<ItemView> items) {
        return new ItemNames(items.stream().collect(Collectors.toMap(ItemView::code, ItemView::name, (a, b) -> a)));
    }

    public String of(List<String> codes) {
        return codes.stream().map(c -> names.containsKey(c) ? names.get(c) + "（" + c + "）" : c).collect(Collectors.joining("、"));
    }
}
