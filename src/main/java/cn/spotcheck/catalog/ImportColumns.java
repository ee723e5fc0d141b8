package cn.spotcheck.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.spotcheck.system.ApiException;

/**
 * Maps a sheet's header row to fields by the Chinese column names bureaus use. Missing required columns refuse
 * the file whole, naming them; extra columns are ignored; order does not matter.
 */
final class ImportColumns {

    private final Map<String, Integer> indexByField = new HashMap<>();
    private final Map<String, String> headerByField;
    private final List<String> ignored = new ArrayList<>();

    /** {@code headers}: field → header text, required ones first in the order they are listed to the user. */
    ImportColumns(List<String> headerRow, LinkedHashMap<String, String> required, Map<String, String> optional) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < headerRow.size(); i++) {
            position.putIfAbsent(normalise(headerRow.get(i)), i);
        }
        List<String> missing = new ArrayList<>();
        headerByField = new LinkedHashMap<>(required);
        headerByField.putAll(optional);
        required.forEach((field, header) -> {
            Integer i = position.get(header);
            if (i == null) {
                missing.add(header);
            } else {
                indexByField.put(field, i);
            }
        });
        optional.forEach((field, header) -> {
            Integer i = position.get(header);
            if (i != null) {
                indexByField.put(field, i);
            }
        });
        if (!missing.isEmpty()) {
            throw ApiException.badRequest("file", "表头缺少列：" + String.join("、", missing)
                    + "。表头应为：" + String.join(",", required.values()));
        }
        position.forEach((header, i) -> {
            if (!header.isEmpty() && !headerByField.containsValue(header)) {
                ignored.add(header);
            }
        });
        ignored.sort(java.util.Comparator.comparing(position::get));
    }

    /** A header as typed: stray spaces (half- or full-width) and a byte-order mark do not count. */
    static String normalise(String header) {
        return header == null ? "" : header.replace("\uFEFF", "").replaceAll("[\\s\u3000]+", "");
    }

    /** The columns the file has that no field takes (序号, 备注 …), for the report. */
    List<String> ignored() {
        return List.copyOf(ignored);
    }

    String get(SpreadsheetRow row, String field) {
        Integer i = indexByField.get(field);
        return i == null ? null : row.cell(i);
    }

    boolean has(String field) {
        return indexByField.containsKey(field);
    }

    /** The column a field's problem is reported under: its own header, or the closest one present. */
    String headerOf(String field, String fallbackField) {
        if (has(field)) {
            return headerByField.get(field);
        }
        return headerByField.getOrDefault(fallbackField, FieldLabels.of(field));
    }

    static List<String> splitList(String cell) {
        List<String> values = new ArrayList<>();
        if (cell != null) {
            for (String part : cell.split("[,，、;；/|\\s]+")) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        }
        return values;
    }
}
