package cn.spotcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds English a Chinese user would trip over in what a page or form shows. Codes are not words: item and
 * inspection codes (JT-HY-01, JC-1-00012), credit codes, digests and seeds carry digits; file names carry their
 * extension; a few names of formats and units are how Chinese offices write them too.
 */
public final class LatinWords {

    /**
     * What a Chinese office writes in Latin letters itself, and the demo's account names: a login name is an
     * identifier, like a code.
     */
    private static final Set<String> ALLOWED = Set.of("JPG", "JPEG", "PNG", "PDF", "KB", "MB", "SHA", "CSV", "csv", "JSON", "BOM", "xlsx", "Excel", "GBK", "UTF", "HMAC",
            "A", "B", "C", "D", "fagui", "fazhi", "sifa", "ducha", "admin");

    /** A run of Latin letters, digits and joining marks: one token. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-/:]*");
    private static final Pattern FILE_NAME = Pattern.compile(".*\\.(png|jpg|jpeg|pdf|xlsx|csv|json)$", Pattern.CASE_INSENSITIVE);

    private LatinWords() {
    }

    /** The English words in {@code text}; empty when there are none. */
    public static List<String> in(String text) {
        List<String> words = new ArrayList<>();
        Matcher token = TOKEN.matcher(text);
        while (token.find()) {
            String t = token.group();
            boolean code = t.chars().anyMatch(Character::isDigit);
            if (!code && !FILE_NAME.matcher(t).matches()) {
                for (String word : t.split("[._\\-/:]+")) {
                    if (word.chars().anyMatch(Character::isLetter) && !ALLOWED.contains(word)) {
                        words.add(word);
                    }
                }
            }
        }
        return words;
    }
}
