package cn.spotcheck.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.spotcheck.Fixtures;
import cn.spotcheck.inspection.InspectionPublished;

/** Results published as the inspection module announces them, without walking an inspection for each. */
final class PublishedResults {

    private PublishedResults() {
    }

    /** Publishes {@code count} results of clean inspections of {@code targetId}, codes {@code prefix-00001}…, and waits for 一公开. */
    static List<String> publish(ApplicationContext app, String prefix, int count, long targetId) {
        return publish(app, prefix, count, targetId, 1);
    }

    /** As above, numbered from {@code first}. */
    static List<String> publish(ApplicationContext app, String prefix, int count, long targetId, int first) {
        List<String> codes = new ArrayList<>();
        new TransactionTemplate(app.getBean(PlatformTransactionManager.class)).executeWithoutResult(s -> {
            for (int i = first; i < first + count; i++) {
                String code = prefix + "-" + String.format("%05d", i);
                codes.add(code);
                app.publishEvent(new InspectionPublished(code, -1, targetId, List.of("JT-HY-01"), "未发现问题",
                        LocalDate.of(2027, 5, 10), Instant.now()));
            }
        });
        Fixtures.awaitModuleEvents(app.getBean(JdbcTemplate.class));
        return codes;
    }
}
