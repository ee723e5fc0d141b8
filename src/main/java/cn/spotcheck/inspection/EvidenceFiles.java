package cn.spotcheck.inspection;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.system.ApiException;
import cn.spotcheck.system.ControlCharacters;
import cn.spotcheck.system.FieldMessage;

/**
 * 证据材料 of an inspection: what its inspectors photographed or scanned. The file's kind is read from its first
 * bytes, not from its name or the browser's word, and it is served back only as that kind.
 */
@Component
class EvidenceFiles {

    static final String FIELD = "file";
    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final int MAX_FILES = 30;

    /** A file as listed on the record (without its content). */
    public record EvidenceFile(long id, String fileName, String contentType, int sizeBytes, String sha256, String note,
                               String uploadedBy, Instant uploadedAt) {

        public boolean image() {
            return contentType.startsWith("image/");
        }
    }

    /** A file with its content, to be sent. */
    public record Content(String fileName, String contentType, byte[] bytes) {
    }

    /** The kinds accepted, by their signature. */
    private enum Kind {
        JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
        PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
        PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'});

        final String contentType;
        final byte[] signature;

        Kind(String contentType, byte[] signature) {
            this.contentType = contentType;
            this.signature = signature;
        }

        static Kind of(byte[] bytes) {
            for (Kind kind : values()) {
                if (bytes.length >= kind.signature.length && java.util.Arrays.equals(bytes, 0, kind.signature.length, kind.signature, 0, kind.signature.length)) {
                    return kind;
                }
            }
            return null;
        }
    }

    private final JdbcTemplate jdbc;

    EvidenceFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<EvidenceFile> of(String inspectionCode) {
        return jdbc.query("select id, file_name, content_type, size_bytes, sha256, note, uploaded_by, uploaded_at from spotcheck.evidence "
                        + "where inspection_code = ? order by uploaded_at, id",
                (rs, i) -> new EvidenceFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()), inspectionCode);
    }

    /** Adds a file to the record; refuses what is empty, too large, of another kind, or one file too many. */
    @Transactional
    public EvidenceFile add(String inspectionCode, String fileName, byte[] bytes, String note, String uploadedBy) {
        if (bytes == null || bytes.length == 0) {
            throw ApiException.badRequest(FIELD, "证据文件：请选择要上传的文件");
        }
        if (bytes.length > MAX_BYTES) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "证据文件：单个文件不得超过 10 MB", List.of(new FieldMessage(FIELD, "单个文件不得超过 10 MB")));
        }
        Kind kind = Kind.of(bytes);
        if (kind == null) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "证据文件：只接受 JPG、PNG 图片或 PDF 文件",
                    List.of(new FieldMessage(FIELD, "只接受 JPG、PNG 图片或 PDF 文件")));
        }
        if (ControlCharacters.present(note)) {
            throw ApiException.badRequest("note", "说明：含有不可见的控制字符，请删除后重新提交");
        }
        String cleanNote = note == null ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > 500) {
            throw ApiException.badRequest("note", "说明：不得超过 500 字");
        }
        // One upload at a time per inspection, so that the count below holds.
        jdbc.queryForObject("select code from spotcheck.inspection where code = ? for update", String.class, inspectionCode);
        Integer count = jdbc.queryForObject("select count(*) from spotcheck.evidence where inspection_code = ?", Integer.class, inspectionCode);
        if (count != null && count >= MAX_FILES) {
            throw ApiException.conflict(FIELD, "证据文件：每项检查最多 " + MAX_FILES + " 个文件");
        }
        String name = fileName(fileName, kind);
        String sha256 = sha256(bytes);
        Instant now = BureauTime.now();
        Long id = jdbc.queryForObject("insert into spotcheck.evidence (inspection_code, file_name, content_type, size_bytes, sha256, content, "
                        + "note, uploaded_by, uploaded_at) values (?,?,?,?,?,?,?,?,?) returning id", Long.class,
                inspectionCode, name, kind.contentType, bytes.length, sha256, bytes, cleanNote == null || cleanNote.isEmpty() ? null : cleanNote,
                uploadedBy, Timestamp.from(now));
        return new EvidenceFile(id, name, kind.contentType, bytes.length, sha256, cleanNote, uploadedBy, now);
    }

    public Content content(String inspectionCode, long id) {
        return jdbc.query("select file_name, content_type, content from spotcheck.evidence where inspection_code = ? and id = ?",
                        (rs, i) -> new Content(rs.getString(1), rs.getString(2), rs.getBytes(3)), inspectionCode, id)
                .stream().findFirst().orElseThrow(() -> ApiException.notFound("没有这个证据文件"));
    }

    /** The name as the user's computer had it, without folders or control characters, ending as its kind does. */
    private static String fileName(String original, Kind kind) {
        String name = original == null ? "" : original.replaceAll("\\p{Cntrl}", "");
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        String extension = "." + kind.name().toLowerCase(java.util.Locale.ROOT).replace("jpeg", "jpg");
        if (name.isEmpty()) {
            name = "证据" + extension;
        }
        if (name.length() > 120) {
            name = name.substring(0, 120);
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(extension) || (kind == Kind.JPEG && lower.endsWith(".jpeg")) ? name : name + extension;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
