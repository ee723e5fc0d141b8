package cn.spotcheck.catalog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Writes a list to {@code .xlsx} as it is read, row by row, so an export of a million targets needs no more
 * memory than one of ten. The header row uses the same Chinese column names the import reads.
 */
public final class SpreadsheetExport {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private SpreadsheetExport() {
    }

    /** {@code rows} is called with a sink; each list handed to the sink becomes one row. */
    public static ResponseEntity<StreamingResponseBody> xlsx(String fileName, String sheetName, List<String> header,
                                                      Consumer<Consumer<List<Object>>> rows) {
        StreamingResponseBody body = out -> write(out, sheetName, header, rows);
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    static boolean looksLikeAFormula(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
    }

    static void write(OutputStream out, String sheetName, List<String> header, Consumer<Consumer<List<Object>>> rows) throws IOException {
        Workbook workbook = new Workbook(out, "随机抽查", "1.0");
        Worksheet sheet = workbook.newWorksheet(sheetName);
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
            sheet.style(0, c).bold().fillColor("EEEEEE").set();
        }
        int[] r = {1};
        rows.accept(values -> {
            for (int c = 0; c < values.size(); c++) {
                Object v = values.get(c);
                if (v instanceof Number n) {
                    sheet.value(r[0], c, n);
                } else if (v != null) {
                    // Codes stay text: an 18-digit code written as a number would lose its last digits in Excel.
                    String text = v.toString();
                    sheet.value(r[0], c, text);
                    if (looksLikeAFormula(text)) {
                        // Written as text it is not run on opening; formatted as text it is not run either once someone
                        // edits the cell (a name such as =HYPERLINK(...) typed into the directory stays a name).
                        sheet.style(r[0], c).format("@").set();
                    }
                }
            }
            if (r[0] % 10_000 == 0) {
                try {
                    sheet.flush();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            r[0]++;
        });
        workbook.finish();
    }
}
