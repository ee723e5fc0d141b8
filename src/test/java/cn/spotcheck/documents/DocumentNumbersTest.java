package cn.spotcheck.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.spotcheck.SpotCheckIntegrationTest;
import cn.spotcheck.calendar.BureauTime;

/**
 * 文号 under concurrent use: 200 numbers issued from 8 threads are 1 to 200, none skipped, none twice. A document
 * issued in a transaction takes its number when that transaction commits, so that a long transaction does not hold
 * every other issue of its kind waiting.
 */
@SpotCheckIntegrationTest
class DocumentNumbersTest {

    private static final Pattern NUMBER = Pattern.compile("长交检通〔2031〕(\\d+)号");

    @Autowired
    DocumentNumbers numbers;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Documents documents;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void numbersFromEightThreadsAreConsecutiveAndUnique() throws Exception {
        TransactionTemplate each = new TransactionTemplate(transactions);
        ConcurrentLinkedQueue<String> issued = new ConcurrentLinkedQueue<>();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        issued.add(each.execute(s -> numbers.next("inspection-notice", "运输管理科", 2031)));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdown();
        }
        assertThat(issued.stream().map(DocumentNumbersTest::serial).sorted().toList())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 200).boxed().toList());

        // An issue that fails gives its number back; another department and another kind count on their own.
        try {
            each.executeWithoutResult(s -> {
                numbers.next("inspection-notice", "运输管理科", 2031);
                throw new IllegalStateException("文书生成失败");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(next(each, "inspection-notice", "运输管理科")).isEqualTo("长交检通〔2031〕201号");
        assertThat(next(each, "inspection-notice", "综合执法支队")).isEqualTo("长交检通〔2031〕1号");
        assertThat(next(each, "handover-letter", "运输管理科")).isEqualTo("长交移交〔2031〕1号");
    }

    @Test
    void aDocumentTakesItsNumberWhenItsTransactionCommitsAndARollbackGivesItBack() throws Exception {
        TransactionTemplate each = new TransactionTemplate(transactions);
        String department = "编号测试科";
        CountDownLatch issued = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // The first issues its document and stays open; the second issues one and commits meanwhile, not waiting.
            Future<Long> first = threads.submit(() -> each.execute(s -> {
                long id = issue(department);
                issued.countDown();
                await(release);
                return id;
            }));
            assertThat(issued.await(30, TimeUnit.SECONDS)).isTrue();
            long second = threads.submit(() -> each.execute(s -> issue(department))).get(30, TimeUnit.SECONDS);
            release.countDown();
            long firstId = first.get(30, TimeUnit.SECONDS);

            assertThat(numberOf(second)).isEqualTo(number(1));
            assertThat(numberOf(firstId)).isEqualTo(number(2));
            for (long id : List.of(firstId, second)) {
                assertThat(documents.get(id).html()).as("the document shows its 文号").contains(numberOf(id)).doesNotContain("文号待编");
            }
        } finally {
            threads.shutdown();
        }

        // Two in one transaction are numbered in the order they were issued; a rollback leaves no document and no gap.
        List<Long> two = each.execute(s -> List.of(issue(department), issue(department)));
        assertThat(two.stream().map(this::numberOf).toList()).containsExactly(number(3), number(4));
        try {
            each.executeWithoutResult(s -> {
                issue(department);
                throw new IllegalStateException("文书生成失败");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(numberOf(each.execute(s -> issue(department)))).isEqualTo(number(5));
        // A transaction started inside another numbers its own as it commits, before the outer one's; each series
        // of a transaction counts on from its own last number.
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        String other = "编号测试二科";
        List<Long> nested = each.execute(s -> {
            long outer = issue(department);
            long ofOther = issue(other);
            long innerId = inner.execute(t -> issue(department));
            return List.of(outer, ofOther, innerId, issue(department));
        });
        assertThat(nested.stream().map(this::numberOf).toList()).containsExactly(number(7), number(1), number(6), number(8));
        for (long id : nested) {
            assertThat(documents.get(id).html()).contains(numberOf(id)).doesNotContain("文号待编");
        }
        // Outside a transaction it is numbered at once.
        IssuedDocument alone = documents.issue("result-publicity", "numbers-test", "抽查结果公示 编号测试", department, model());
        assertThat(alone.html()).contains(number(9));
    }

    private long issue(String department) {
        return documents.issue("result-publicity", "numbers-test", "抽查结果公示 编号测试", department, model()).id();
    }

    private static Map<String, Object> model() {
        return Map.of("taskName", "编号测试", "taskStart", "2027-04-01", "taskEnd", "2027-10-31", "itemNames", "测试事项",
                "rows", List.of(), "byCategory", Map.of());
    }

    private String numberOf(long id) {
        return jdbc.queryForObject("select document_number from spotcheck.issued_document where id = ?", String.class, id);
    }

    private static String number(int n) {
        return "长交抽公〔" + BureauTime.today().getYear() + "〕" + n + "号";
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String next(TransactionTemplate each, String kind, String department) {
        String number = each.execute(s -> numbers.next(kind, department, 2031));
        return number;
    }

    private static int serial(String number) {
        Matcher m = NUMBER.matcher(number);
        assertThat(m.matches()).as(number).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
