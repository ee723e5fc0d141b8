package cn.spotcheck.catalog;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as bureaus type them: 2026-12-31, 2026/12/31, 2026.12.31, 2026年12月31日, or an Excel date cell. */
final class Dates {

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private Dates() {
    }

    static LocalDate parse(String text) {
        String t = text.trim();
        if (t.matches("\\d{5}(\\.0+)?")) {
            // A date cell of an .xlsx arrives as Excel's serial day number (1900 date system).
            return EXCEL_EPOCH.plusDays(Long.parseLong(t.replaceAll("\\..*", "")));
        }
        Matcher m = DATE.matcher(t);
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
