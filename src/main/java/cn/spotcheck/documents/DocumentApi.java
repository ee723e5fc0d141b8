package cn.spotcheck.documents;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Issued documents for staff: one as printable HTML, or the list about an inspection. */
@RestController
@RequestMapping("/api/documents")
class DocumentApi {

    private final Documents documents;

    DocumentApi(Documents documents) {
        this.documents = documents;
    }

    @GetMapping(value = "/{id}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> html(@PathVariable("id") long id) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(documents.get(id).html());
    }

    record Summary(long id, String kind, String title, java.time.Instant issuedAt) {
    }

    @GetMapping
    List<Summary> about(@RequestParam("reference") String reference) {
        return documents.about(reference).stream().map(d -> new Summary(d.id(), d.kind(), d.title(), d.issuedAt())).toList();
    }
}
