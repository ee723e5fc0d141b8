package cn.spotcheck.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Component;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * An issued document as PDF, laid out from the HTML it was issued as (so the two never differ), with the bundled
 * CJK font embedded. Rendered on demand rather than stored: a fan-out issues tens of thousands of notices, few are
 * ever printed.
 */
@Component
class DocumentPdf {

    static final String FONT = "fonts/DroidSansFallbackFull.ttf";
    /** About a hundred pages; longer documents (a large task's 抽查结果公示) are printed from the browser. */
    static final int MAX_HTML_CHARS = 400_000;

    /** The families the templates ask for; each is served by the bundled font. */
    private static final String[] FAMILIES = {"SimSun", "Noto Serif CJK SC", "Droid Sans Fallback"};

    private final byte[] font;

    DocumentPdf() {
        try (InputStream in = DocumentPdf.class.getClassLoader().getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("缺少文书字体 " + FONT);
            }
            this.font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] render(IssuedDocument document) {
        // The stored HTML is HTML5 (unclosed <br>, <meta>); jsoup reads it as a browser would and hands over a DOM.
        org.w3c.dom.Document dom = new W3CDom().fromJsoup(Jsoup.parse(document.html()));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        for (String family : FAMILIES) {
            builder.useFont(() -> new java.io.ByteArrayInputStream(font), family);
        }
        builder.withW3cDocument(dom, null);
        builder.withProducer("随机抽查");
        builder.toStream(pdf);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }
}
