package cn.spotcheck.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.spotcheck.SpotCheckIntegrationTest;

/** 文号 under concurrent use: 200 numbers issued from 8 threads are 1 to 200, none skipped, none twice. */
@SpotCheckIntegrationTest
class DocumentNumbersTest {

    private static final Pattern NUMBER = Pattern.compile("长交检通〔2031〕(\\d+)号");

    @Autowired
    DocumentNumbers numbers;
    @Autowired
    PlatformTransactionManager transactions;

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
