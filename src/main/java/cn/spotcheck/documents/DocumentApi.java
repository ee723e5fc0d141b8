package cn.spotcheck.documents;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.spotcheck.identity.CurrentUser;
import cn.spotcheck.identity.Roles;
import cn.spotcheck.system.ApiException;

/** Issued documents for staff: one as printable HTML, or the list about an inspection. */
@RestController
@RequestMapping("/api/documents")
class DocumentApi {

    private final Documents documents;
    private final List<DocumentAudience> audiences;
    private final DocumentPdf pdf;

    DocumentApi(Documents documents, List<DocumentAudience> audiences, DocumentPdf pdf) {
        this.documents = documents;
        this.audiences = audiences;
        this.pdf = pdf;
    }

    @GetMapping(value = "/{id}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> html(@PathVariable("id") long id) {
        IssuedDocument document = documents.get(id);
        requireReader(document.reference());
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(document.html());
    }

    /** The same document as PDF, for printing and for sending to the target; opened in the browser, saved under its title. */
    @GetMapping(value = "/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable("id") long id) {
        IssuedDocument document = documents.get(id);
        requireReader(document.reference());
        if (document.html().length() > DocumentPdf.MAX_HTML_CHARS) {
            // Laying out a notice of tens of thousands of rows would hold a worker and its memory for minutes.
            throw ApiException.unprocessable("文书“" + document.title() + "”篇幅过长，不能生成 PDF：请打开网页版，用浏览器打印或另存为 PDF");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(document.title().replaceAll("[\\\\/:*?\"<>|]", "_") + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(pdf.render(document));
    }

    private void requireReader(String reference) {
        if (Roles.current(Roles.LEGAL, Roles.SUPERVISION, Roles.ADMIN)) {
            return;
        }
        String user = CurrentUser.id();
        if (audiences.stream().noneMatch(a -> a.includes(reference, user))) {
            throw new ApiException(HttpStatus.FORBIDDEN, "无权查看：文书仅供本次检查的执法人员、法制审核人员和督查考核组查阅", List.of());
        }
    }

    record Summary(long id, String kind, String title, java.time.Instant issuedAt, Long supersededBy) {
    }

    @GetMapping
    List<Summary> about(@RequestParam("reference") String reference) {
        requireReader(reference);
        return documents.about(reference).stream().map(d -> new Summary(d.id(), d.kind(), d.title(), d.issuedAt(), d.supersededBy())).toList();
    }
}
