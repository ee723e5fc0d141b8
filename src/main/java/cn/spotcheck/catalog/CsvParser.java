package cn.spotcheck.catalog;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV records from a stream: quoted fields may hold commas, quotes ("") and line breaks. */
final class CsvParser {

    private final Reader reader;
    private int line = 1;
    private int recordStartLine;
    private int peeked = -2;

    CsvParser(Reader reader) {
        this.reader = reader;
    }

    /** The line on which the last record returned by {@link #next()} started. */
    int recordStartLine() {
        return recordStartLine;
    }

    List<String> next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        recordStartLine = line;
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    record.add(field.toString());
                    return record;
                }
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    append(field, c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                if (record.size() > WorkbookLimits.MAX_CELLS_PER_ROW) {
                    throw WorkbookLimits.tooLarge("第 " + recordStartLine + " 行超过 " + WorkbookLimits.MAX_CELLS_PER_ROW + " 列，不像名录表格");
                }
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r') {
                    int n = read();
                    if (n != '\n') {
                        peeked = n;
                    }
                }
                if (c != -1) {
                    line++;
                }
                record.add(field.toString());
                return record;
            } else {
                append(field, c);
            }
            c = read();
        }
    }

    /** A cell is a name, a code or a note: one longer than this is a broken quote swallowing the file. */
    static final int MAX_FIELD_CHARS = 10_000;

    private void append(StringBuilder field, int c) {
        if (field.length() >= MAX_FIELD_CHARS) {
            throw WorkbookLimits.tooLarge("第 " + recordStartLine + " 行起的单元格超过 " + MAX_FIELD_CHARS
                    + " 个字符，可能是引号没有闭合");
        }
        field.append((char) c);
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int p = peeked;
            peeked = -2;
            return p;
        }
        return reader.read();
    }
}
