package cn.spotcheck.draw.algorithm;

import java.util.Comparator;

/**
 * Rules for the short codes that go into labels and canonical lines (stratum codes, department names), and the
 * one text order the draw uses. Codes may be Chinese, but must not contain the separators {@code | , \n \r}:
 * otherwise two different inputs could produce the same label or line.
 */
final class Codes {

    /**
     * Order of strata and departments: by Unicode code point, which is also UTF-8 byte order and the order of
     * Python's {@code sorted()}. (Java's {@code String.compareTo} compares UTF-16 units and differs for characters
     * outside the BMP, so it is not used.)
     */
    static final Comparator<String> ORDER = Codes::compareCodePoints;

    private Codes() {
    }

    static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidDrawInputException(what + "不能为空");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '|' || c == ',' || c == '\n' || c == '\r') {
                throw new InvalidDrawInputException(what + "“" + value + "”含有不允许的字符（| , 或换行）");
            }
        }
        return value;
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
