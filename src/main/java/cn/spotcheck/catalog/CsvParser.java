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
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
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
                field.append((char) c);
            }
            c = read();
        }
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
