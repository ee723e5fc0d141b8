package cn.spotcheck.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.springframework.http.HttpStatus;

import cn.spotcheck.system.ApiException;
import cn.spotcheck.system.FieldMessage;

/**
 * What an uploaded workbook may be before it is parsed: an {@code .xlsx} is a zip, and a small zip can inflate to
 * gigabytes (a "zip bomb"), which would take the server down for everyone. Every entry is inflated once here, into
 * nothing, counting bytes, and the file is refused the moment an entry or the whole grows past its limit or its
 * compression ratio is not that of a real workbook. Memory stays flat: nothing inflated is kept.
 */
final class WorkbookLimits {

    /** The largest upload (compressed): a directory of a million rows fits in less. */
    static final int MAX_FILE_BYTES = 60 * 1024 * 1024;
    /** Shared strings are held in memory by the reader: this bounds that memory. */
    static final long MAX_SHARED_STRINGS_BYTES = 96L * 1024 * 1024;
    static final long MAX_ENTRY_BYTES = 512L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 1024L * 1024 * 1024;
    /** Real sheets compress 5–30 times; bombs thousands of times. Checked once an entry passes 1 MB. */
    static final int MAX_RATIO = 200;
    static final int MAX_ROWS = 1_100_000;
    static final int MAX_CELLS_PER_ROW = 200;

    private WorkbookLimits() {
    }

    /**
     * Reads the upload into memory (bounded) and checks every entry through the zip's central directory (real
     * workbooks use entries that only the directory describes); returns a stream over the same bytes.
     */
    static InputStream checkedXlsx(InputStream in) throws IOException {
        byte[] file = in.readNBytes(MAX_FILE_BYTES + 1);
        if (file.length > MAX_FILE_BYTES) {
            throw tooLarge("文件超过 " + MAX_FILE_BYTES / 1024 / 1024 + " MB，请分成几个文件导入");
        }
        Path copy = Files.createTempFile("spotcheck-upload-", ".xlsx");
        try {
            Files.write(copy, file);
            check(copy);
        } finally {
            Files.deleteIfExists(copy);
        }
        return new ByteArrayInputStream(file);
    }

    private static void check(Path workbook) throws IOException {
        long total = 0;
        byte[] sink = new byte[1 << 16];
        try (ZipFile zip = new ZipFile(workbook.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                long limit = entry.getName().endsWith("sharedStrings.xml") ? MAX_SHARED_STRINGS_BYTES : MAX_ENTRY_BYTES;
                long compressed = Math.max(1, entry.getCompressedSize());
                long inflated = 0;
                try (InputStream content = zip.getInputStream(entry)) {
                    int n;
                    while ((n = content.read(sink)) > 0) {
                        inflated += n;
                        total += n;
                        if (inflated > limit || total > MAX_TOTAL_BYTES) {
                            throw tooLarge("表格解压后过大（" + entry.getName() + " 超过 " + limit / 1024 / 1024
                                    + " MB），不像正常的名录文件，未导入");
                        }
                        if (inflated > (1 << 20) && inflated / compressed > MAX_RATIO) {
                            throw tooLarge("表格的压缩比异常（" + entry.getName() + " 超过 " + MAX_RATIO
                                    + " 倍），不像正常的名录文件，未导入");
                        }
                    }
                }
            }
        } catch (ZipException e) {
            throw ApiException.badRequest("file", "无法解析 .xlsx 文件，请确认文件未损坏");
        }
    }

    static ApiException tooLarge(String message) {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, message, java.util.List.of(new FieldMessage("file", message)));
    }
}
