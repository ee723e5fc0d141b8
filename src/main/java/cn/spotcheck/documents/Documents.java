package cn.spotcheck.documents;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.velocity.VelocityContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.system.ApiException;
import cn.spotcheck.system.Bureau;

/** Renders a document from its Velocity template and keeps it; issued documents never change. */
@Service
public class Documents {

    private final DocumentTemplates templates;
    private final JdbcTemplate jdbc;
    private final Bureau bureau;
    private final DocumentNumbers numbers;

    Documents(DocumentTemplates templates, JdbcTemplate jdbc, Bureau bureau, DocumentNumbers numbers) {
        this.templates = templates;
        this.jdbc = jdbc;
        this.bureau = bureau;
        this.numbers = numbers;
    }

    /** Renders the template {@code <kind>.vm} with {@code model}, numbered in the bureau's own series. */
    public IssuedDocument issue(String kind, String reference, String title, Map<String, Object> model) {
        return issue(kind, reference, title, null, model);
    }

    /**
     * Renders the template {@code <kind>.vm} with {@code model} (values are HTML-escaped by the template) and gives
     * it the next 文号 of its kind for {@code department} (the bureau's when null) and this year.
     * <p>
     * Inside a transaction the 文号 is taken just before it commits, and written into the document then: a number is
     * one counter row per kind, department and year, locked from the moment it is taken until the commit, and taken
     * at once it held every other issue of that kind waiting for the whole rest of this transaction (a result's
     * publication then ends its process and writes its history). In a province's year that wait was most of the
     * publications' time. The number stays gapless: a rollback gives it back. The returned HTML shows a placeholder
     * where the 文号 will stand; {@link #get} after the commit gives the document as issued.
     */
    public IssuedDocument issue(String kind, String reference, String title, String department, Map<String, Object> model) {
        String series = department == null || department.isBlank() ? bureau.name() : department;
        int year = BureauTime.today().getYear();
        boolean atCommit = TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.isSynchronizationActive();
        // Unguessable, so that no text a user wrote into the document can stand in for it.
        String number = atCommit ? "〔文号待编 " + UUID.randomUUID() + "〕" : numbers.next(kind, series, year);
        VelocityContext context = new VelocityContext();
        model.forEach(context::put);
        context.put("esc", new HtmlEscape());
        context.put("title", title);
        context.put("today", BureauTime.today());
        context.put("bureau", bureau);
        context.put("number", number);
        String html = templates.render(kind, context);
        Timestamp now = Timestamp.from(BureauTime.now());
        Long id = jdbc.queryForObject("insert into spotcheck.issued_document (kind, reference, title, html, issued_at, document_number) "
                + "values (?,?,?,?,?,?) returning id", Long.class, kind, reference, title, html, now, atCommit ? null : number);
        if (atCommit) {
            PendingNumbers.of(this).add(new PendingNumbers.Unnumbered(id, number, kind, series, year));
        }
        return new IssuedDocument(id, kind, reference, title, html, now.toInstant(), null);
    }

    /**
     * Numbers the transaction's documents as it commits: per series, one update of its counter for all of them, and
     * one statement writing the numbers in (a fan-out's slice issues 500 notices; one by one, that was a thousand
     * statements).
     */
    void number(List<PendingNumbers.Unnumbered> pending) {
        Map<List<Object>, List<PendingNumbers.Unnumbered>> bySeries = new LinkedHashMap<>();
        pending.forEach(d -> bySeries.computeIfAbsent(List.of(d.kind(), d.series(), d.year()), k -> new ArrayList<>()).add(d));
        List<Long> ids = new ArrayList<>();
        List<String> placeholders = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        HtmlEscape escape = new HtmlEscape();
        bySeries.forEach((series, documents) -> {
            List<String> next = numbers.take(documents.get(0).kind(), documents.get(0).series(), documents.get(0).year(), documents.size());
            for (int i = 0; i < documents.size(); i++) {
                ids.add(documents.get(i).id());
                placeholders.add(documents.get(i).placeholder());
                taken.add(next.get(i));
                shown.add(escape.html(next.get(i)));
            }
        });
        jdbc.update("""
                update spotcheck.issued_document d set document_number = n.taken, html = replace(d.html, n.placeholder, n.shown)
                from unnest(?::bigint[], ?::text[], ?::text[], ?::text[]) as n(id, placeholder, taken, shown) where d.id = n.id""",
                ids.toArray(Long[]::new), placeholders.toArray(String[]::new), taken.toArray(String[]::new), shown.toArray(String[]::new));
    }

    /** Marks the earlier documents of {@code kind} about {@code reference} as superseded by {@code newer}. */
    public void supersede(String kind, String reference, long newer) {
        jdbc.update("update spotcheck.issued_document set superseded_by = ? where kind = ? and reference = ? and id <> ? and superseded_by is null",
                newer, kind, reference, newer);
    }

    private static final String SELECT = "select id, kind, reference, title, html, issued_at, superseded_by from spotcheck.issued_document ";
    private static final RowMapper<IssuedDocument> DOCUMENT = (rs, i) -> new IssuedDocument(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), (Long) rs.getObject(7));

    public IssuedDocument get(long id) {
        List<IssuedDocument> found = jdbc.query(SELECT + "where id = ?", DOCUMENT, id);
        if (found.isEmpty()) {
            throw ApiException.notFound("文书 " + id + " 不存在");
        }
        return found.get(0);
    }

    public List<IssuedDocument> about(String reference) {
        return jdbc.query(SELECT + "where reference = ? order by id", DOCUMENT, reference);
    }

    /** {@code $esc.html($value)} in templates. */
    public static final class HtmlEscape {
        public String html(Object value) {
            if (value == null) {
                return "";
            }
            return value.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    }
}
