package cn.spotcheck.catalog;

import java.util.List;

/** One data row of an uploaded sheet: its number as the person sees it in Excel (header = row 1) and its cells. */
record SpreadsheetRow(int number, List<String> cells) {

    String cell(int column) {
        if (column < 0 || column >= cells.size()) {
            return null;
        }
        String value = cells.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    boolean isBlank() {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }
}
