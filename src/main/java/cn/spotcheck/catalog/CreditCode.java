package cn.spotcheck.catalog;

import java.util.Optional;

/**
 * The 18-character 统一社会信用代码 of GB 32100-2015: registration authority, type, division code, the nine
 * characters of the organisation code (GB 11714, with its own check character at position 17) and a check
 * character at position 18. Input is normalised first (full-width to half-width, upper case, spaces removed),
 * because codes are copied from PDFs and Chinese input methods.
 */
public final class CreditCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private CreditCode() {
    }

    /** Full-width letters and digits to half-width, upper case, no spaces. */
    public static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(raw.length());
        for (char c : raw.toCharArray()) {
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            if (!Character.isWhitespace(c) && c != '\u3000') {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString();
    }

    /** Why a normalised code is not a valid USCC, in Chinese naming the character at fault; empty when valid. */
    public static Optional<String> problem(String code) {
        if (code.length() != 18) {
            return Optional.of("统一社会信用代码应为 18 位，实际为 " + code.length() + " 位");
        }
        for (int i = 0; i < 18; i++) {
            char c = code.charAt(i);
            if (ALPHABET.indexOf(c) < 0) {
                return Optional.of("统一社会信用代码第 " + (i + 1) + " 位字符“" + c + "”不合法（只用数字和除 I、O、Z、S、V 以外的大写字母）");
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return Optional.of("统一社会信用代码第 " + (i + 1) + " 位应为数字（第 3–8 位是登记管理机关行政区划码）");
            }
        }
        char orgCheck = organisationCheck(code.substring(8, 16));
        if (code.charAt(16) != orgCheck) {
            return Optional.of("统一社会信用代码第 17 位（组织机构代码校验码）应为“" + orgCheck + "”，实际为“" + code.charAt(16) + "”");
        }
        char check = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != check) {
            return Optional.of("统一社会信用代码第 18 位校验码应为“" + check + "”，实际为“" + code.charAt(17) + "”");
        }
        return Optional.empty();
    }

    public static boolean isValid(String code) {
        return problem(code).isEmpty();
    }

    /** The 18th character for the first 17 (GB 32100-2015, 5.2). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return ALPHABET.charAt(c == 31 ? 0 : c);
    }

    /** The organisation code's check character for its first 8 characters (GB 11714-1997). */
    public static char organisationCheck(String first8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char ch = first8.charAt(i);
            int value = Character.isDigit(ch) ? ch - '0' : ch - 'A' + 10;
            sum += value * ORG_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }
}
