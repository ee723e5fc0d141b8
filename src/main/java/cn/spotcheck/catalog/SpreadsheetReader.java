package cn.spotcheck.catalog;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import cn.spotcheck.system.ApiException;
import cn.spotcheck.system.ControlCharacters;

/**
 * Streams the rows of an uploaded {@code .xlsx} (first sheet) or {@code .csv} file without holding the sheet in
 * memory. CSV files saved by Excel on Chinese Windows are GB18030 (GBK), others UTF-8 with or without BOM: the
 * encoding is detected. Anything else is refused whole with a message saying what to do.
 */
final class SpreadsheetReader {

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final Charset GB18030 = Charset.forName("GB18030");

    private SpreadsheetReader() {
    }

    /** Reads the header row, then hands each data row to {@code rows}; returns the header. */
    static List<String> read(String fileName, InputStream raw, Consumer<List<String>> header, Consumer<SpreadsheetRow> rows) {
        try (BufferedInputStream in = new BufferedInputStream(raw, 1 << 16)) {
            in.mark(1 << 16);
            byte[] head = in.readNBytes(1 << 16);
            in.reset();
            if (head.length == 0) {
                throw ApiException.badRequest("file", "上传的文件是空的");
            }
            String lower = fileName == null ? "" : fileName.toLowerCase();
            if (startsWith(head, OLE) || lower.endsWith(".xls")) {
                throw ApiException.badRequest("file", "不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 后再导入");
            }
            if (startsWith(head, ZIP)) {
                return readXlsx(WorkbookLimits.checkedXlsx(in), header, rows);
            }
            if (!lower.endsWith(".csv") && !lower.endsWith(".txt") && !looksLikeText(head)) {
                throw ApiException.badRequest("file", "文件“" + fileName + "”不是 .xlsx 或 .csv 表格");
            }
            return readCsv(in, detect(head), header, rows);
        } catch (IOException e) {
            throw ApiException.badRequest("file", "无法读取文件：" + e.getMessage());
        }
    }

    /** How far down a sheet its header may be: bureaus put a title and a note or two above it. */
    static final int HEADER_SEARCH_ROWS = 20;

    /** The column names of both directories: a row holding three of them is a header row. */
    private static final java.util.Set<String> KNOWN_HEADERS = knownHeaders();

    private static java.util.Set<String> knownHeaders() {
        java.util.Set<String> names = new java.util.HashSet<>(TargetImport.REQUIRED.values());
        names.addAll(TargetImport.OPTIONAL.values());
        names.addAll(InspectorImport.REQUIRED.values());
        return names;
    }

    static boolean looksLikeHeader(List<String> cells) {
        return cells.stream().filter(c -> KNOWN_HEADERS.contains(ImportColumns.normalise(c))).count() >= 3;
    }

    /**
     * Reads the first sheet that has a header row among its first rows (else the first sheet): rows above the header
     * (title, notes) are not data; from the header on, every row is handed over, blank ones included.
     */
    private static List<String> readXlsx(InputStream in, Consumer<List<String>> header, Consumer<SpreadsheetRow> rows) throws IOException {
        List<String> headerCells = null;
        try (ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            List<Sheet> sheets = workbook.getSheets().toList();
            Sheet sheet = sheets.stream().filter(SpreadsheetReader::hasHeader).findFirst().orElse(sheets.get(0));
            boolean known = hasHeader(sheet);
            try (var stream = sheet.openStream()) {
                Iterator<Row> it = stream.iterator();
                int read = 0;
                while (it.hasNext()) {
                    Row row = it.next();
                    if (++read > WorkbookLimits.MAX_ROWS) {
                        throw WorkbookLimits.tooLarge("表格超过 " + WorkbookLimits.MAX_ROWS + " 行，请分成几个文件导入");
                    }
                    List<String> cells = cells(row);
                    if (headerCells == null) {
                        if (cells.stream().allMatch(c -> c == null || c.isBlank()) || known && !looksLikeHeader(cells)) {
                            continue;
                        }
                        headerCells = cells;
                        header.accept(cells);
                    } else {
                        rows.accept(new SpreadsheetRow(row.getRowNum(), cells));
                    }
                }
            }
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException | IOException e) {
            throw ApiException.badRequest("file", "无法解析 .xlsx 文件，请确认文件未损坏：" + e.getMessage());
        }
        return requireHeader(headerCells);
    }

    private static boolean hasHeader(Sheet sheet) {
        try (var stream = sheet.openStream()) {
            return stream.limit(HEADER_SEARCH_ROWS).anyMatch(row -> looksLikeHeader(cells(row)));
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> cells(Row row) {
        int count = row.getCellCount();
        if (count > WorkbookLimits.MAX_CELLS_PER_ROW) {
            throw WorkbookLimits.tooLarge("第 " + row.getRowNum() + " 行超过 " + WorkbookLimits.MAX_CELLS_PER_ROW + " 列，不像名录表格");
        }
        List<String> cells = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            cells.add(row.hasCell(i) ? clean(row.getCellText(i)) : null);
        }
        return cells;
    }

    /** Control characters (NUL and the like) cannot be stored and mean nothing in a directory: they are dropped. */
    static String clean(String cell) {
        if (!ControlCharacters.present(cell)) {
            return cell;
        }
        return cell.codePoints().filter(cp -> !ControlCharacters.present(Character.toString(cp)))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /**
     * The header is the first record among the first lines that looks like one (title and note lines above it are
     * not data); when none does, the first non-blank record, so that the import names the columns it lacks.
     */
    private static List<String> readCsv(InputStream in, Charset charset, Consumer<List<String>> header, Consumer<SpreadsheetRow> rows) throws IOException {
        Reader reader = new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
        CsvParser parser = new CsvParser(reader);
        List<String> headerCells = null;
        List<SpreadsheetRow> leading = new ArrayList<>();
        List<String> record;
        while ((record = parser.next()) != null) {
            record.replaceAll(SpreadsheetReader::clean);
            if (!record.isEmpty()) {
                record.set(0, record.get(0).replace("\uFEFF", ""));
            }
            if (headerCells == null) {
                boolean blank = record.stream().allMatch(String::isBlank);
                if (!blank && looksLikeHeader(record)) {
                    headerCells = record;
                    header.accept(record);
                    leading.clear();
                } else if (parser.recordStartLine() <= HEADER_SEARCH_ROWS) {
                    leading.add(new SpreadsheetRow(parser.recordStartLine(), record));
                } else {
                    headerCells = firstNonBlankAsHeader(leading, header, rows);
                    if (headerCells == null) {
                        continue;
                    }
                    dataRow(parser, record, rows);
                }
                continue;
            }
            dataRow(parser, record, rows);
        }
        if (headerCells == null) {
            headerCells = firstNonBlankAsHeader(leading, header, rows);
        }
        return requireHeader(headerCells);
    }

    private static List<String> firstNonBlankAsHeader(List<SpreadsheetRow> leading, Consumer<List<String>> header,
                                                      Consumer<SpreadsheetRow> rows) {
        List<String> found = null;
        for (SpreadsheetRow row : leading) {
            if (found == null) {
                if (row.cells().stream().allMatch(c -> c == null || c.isBlank())) {
                    continue;
                }
                found = row.cells();
                header.accept(found);
            } else {
                rows.accept(row);
            }
        }
        leading.clear();
        return found;
    }

    private static void dataRow(CsvParser parser, List<String> record, Consumer<SpreadsheetRow> rows) {
        if (parser.recordStartLine() > WorkbookLimits.MAX_ROWS) {
            throw WorkbookLimits.tooLarge("文件超过 " + WorkbookLimits.MAX_ROWS + " 行，请分成几个文件导入");
        }
        if (record.size() > WorkbookLimits.MAX_CELLS_PER_ROW) {
            throw WorkbookLimits.tooLarge("第 " + parser.recordStartLine() + " 行超过 " + WorkbookLimits.MAX_CELLS_PER_ROW + " 列，不像名录表格");
        }
        rows.accept(new SpreadsheetRow(parser.recordStartLine(), record));
    }

    private static List<String> requireHeader(List<String> header) {
        if (header == null) {
            throw ApiException.badRequest("file", "文件中没有表头和数据行");
        }
        return header;
    }

    private static Charset detect(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        // The sample may end in the middle of a character: decoding it as "not the end of input" leaves such a
        // tail undecoded instead of calling it malformed.
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), false);
        return result.isError() ? GB18030 : StandardCharsets.UTF_8;
    }

    private static boolean looksLikeText(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
