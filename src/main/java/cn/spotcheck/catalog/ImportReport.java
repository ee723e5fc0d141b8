package cn.spotcheck.catalog;

import java.util.List;

/**
 * What an import did with every row: created ({@code imported}), changed ({@code updated}), identical to what
 * was there ({@code unchanged}), empty ({@code blank}) or refused ({@code rejected}, with row, column and reason).
 * {@code policy} says how good and bad rows were handled; {@code ignoredColumns} the file's columns no field takes.
 */
public record ImportReport(int totalRows, int imported, int updated, int unchanged, int blank, List<Rejection> rejected,
                           int rejectedRows, String policy, List<String> ignoredColumns) {

    public static final String POLICY = "合格行在同一事务中全部写入；不合格的行不写入并逐行列出原因；任何写入失败则整个文件不写入。"
            + "文件中没有的列（如地址、法定代表人）不改动已登记的内容；有该列而单元格为空的，该项清空。";

    /** One reason a row was refused; a row with several problems appears once per problem. */
    public record Rejection(int row, String column, String message) {
    }
}
