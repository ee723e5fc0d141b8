package cn.spotcheck.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.spotcheck.system.Bureau;

/** 文号: the next number of a kind of document for a department and year, e.g. 长交检通〔2027〕15号. */
@Component
class DocumentNumbers {

    /** The kind's word in the number; a kind without one is numbered as 文. */
    private static final Map<String, String> WORDS = Map.of(
            "inspection-notice", "检通",
            "on-site-record", "检记",
            "result-notice", "检告",
            "rectification-order", "责改",
            "result-publicity", "抽公",
            "supervision-report", "督",
            "handover-letter", "移交",
            "referral-letter", "移送");

    private final JdbcTemplate jdbc;
    private final Bureau bureau;

    DocumentNumbers(JdbcTemplate jdbc, Bureau bureau) {
        this.jdbc = jdbc;
        this.bureau = bureau;
    }

    /** Must run in the transaction that issues the document: its rollback gives the number back. */
    String next(String kind, String department, int year) {
        return take(kind, department, year, 1).get(0);
    }

    /** The next {@code count} numbers of one series, in order, with one update of its counter. */
    List<String> take(String kind, String department, int year, int count) {
        Integer last = jdbc.queryForObject("""
                insert into spotcheck.document_number_counter (kind, department, year, last_number) values (?, ?, ?, ?)
                on conflict (kind, department, year) do update set last_number = document_number_counter.last_number + excluded.last_number
                returning last_number""", Integer.class, kind, department, year, count);
        List<String> numbers = new ArrayList<>(count);
        for (int n = last - count + 1; n <= last; n++) {
            numbers.add(bureau.documentPrefix() + WORDS.getOrDefault(kind, "文") + "〔" + year + "〕" + n + "号");
        }
        return numbers;
    }
}
