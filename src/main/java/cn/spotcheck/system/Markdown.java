package cn.spotcheck.system;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a Tasklist form shows read-only above its inputs is Markdown (form-js renders its text components so): a brief
 * of the plan, the draw or the inspection being decided, written by the platform into a variable whose name ends in
 * {@value #BRIEF_SUFFIX}. Everything a user typed goes in escaped, so that a company named
 * {@code [点此核对](javascript:…)} stays a name.
 */
public final class Markdown {

    /** Variables named so hold Markdown the platform wrote; {@code FormTextEscaping} leaves them as they are. */
    public static final String BRIEF_SUFFIX = "Brief";

    /**
     * A Camunda string variable holds 4,000 characters; a brief stops short of that at a line's end, and says where
     * the rest is.
     */
    static final int MAX_LENGTH = 3_800;

    private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_\\[\\]()#!<>|~{}])");

    private Markdown() {
    }

    /** {@code text} as plain text inside Markdown, its lines kept. */
    public static String escape(String text) {
        return SPECIAL.matcher(text).replaceAll("\\\\$1");
    }

    /** {@code text} as plain text on one line of Markdown (a table cell, a list item): line breaks become spaces. */
    public static String text(Object text) {
        return text == null ? "" : escape(text.toString().replace('\r', ' ').replace('\n', ' '));
    }

    /** A link to one of the platform's own pages ({@code path} starting with "/"). */
    public static String link(String label, String path) {
        if (!path.startsWith("/") || path.startsWith("//") || path.contains(")") || path.contains(" ")) {
            throw new IllegalArgumentException("只链接本平台的页面：" + path);
        }
        return "[" + text(label) + "](" + path + ")";
    }

    /** A table: a header row and the rows, every cell escaped but {@link Raw} ones. */
    public static String table(List<String> header, List<List<?>> rows) {
        StringBuilder table = new StringBuilder("\n\n");
        table.append(row(header)).append('|').append("---|".repeat(header.size())).append('\n');
        rows.forEach(r -> table.append(row(r)));
        return table.append('\n').toString();
    }

    private static String row(List<?> cells) {
        StringBuilder row = new StringBuilder("|");
        for (Object cell : cells) {
            row.append(' ').append(cell instanceof Raw raw ? raw.markdown() : text(cell)).append(" |");
        }
        return row.append('\n').toString();
    }

    /** A table cell that is already Markdown (a link), not escaped again. */
    public record Raw(String markdown) {
    }

    /**
     * The brief as it fits in a variable: whole lines up to the limit, then where to read the rest ({@code morePath}).
     */
    public static String fit(String markdown, String morePath) {
        if (markdown.length() <= MAX_LENGTH) {
            return markdown;
        }
        String more = "\n\n……内容较多，完整内容见 " + link("详情页", morePath) + "。";
        int cut = markdown.lastIndexOf('\n', MAX_LENGTH - more.length());
        return markdown.substring(0, Math.max(cut, 0)) + more;
    }

    /** Whether a variable holds a brief the platform wrote. */
    public static boolean isBrief(String variableName) {
        return variableName.endsWith(BRIEF_SUFFIX);
    }
}
