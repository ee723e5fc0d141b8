package cn.spotcheck.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;

import cn.spotcheck.ClusterNode;
import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;
import cn.spotcheck.system.AdvisoryLock;

/**
 * With no interface configured, published results go into the day's spreadsheet: a clerk downloads it from
 * {@code /publication}, uploads it by hand and confirms; only then are they delivered, each once.
 */
@SpotCheckIntegrationTest
class FileChannelDeliveryTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ApplicationContext app;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;

    @Test
    void aClerkDownloadsTheDaysSpreadsheetUploadsItAndConfirms() throws Exception {
        long targetId = Fixtures.someTarget(http, "公路货运");
        String targetName = jdbc.queryForObject("select name from spotcheck.target where id = ?", String.class, targetId);
        runDeliveries(); // what earlier tests left waiting
        java.time.Instant before = java.time.Instant.now();
        List<String> codes = PublishedResults.publish(app, "JC-901", 3, targetId);
        // Published together, sent together: one run, its first batch waiting a moment for the others.
        List<Job> firstBatches = managementService.createJobQuery().processDefinitionKey(PublicationDelivery.PROCESS).list();
        assertThat(firstBatches).as("one run").hasSize(1);
        assertThat(firstBatches.get(0).getDuedate().toInstant()).isBetween(before.plus(PublicationSettings.DEFAULT_GATHER),
                java.time.Instant.now().plus(PublicationSettings.DEFAULT_GATHER));
        runDeliveries();

        List<Long> batches = jdbc.queryForList("select distinct file_batch_id from spotcheck.publication_delivery d "
                + "join spotcheck.publicity_outbox o on o.id = d.outbox_id where o.inspection_code like 'JC-901-%'", Long.class);
        assertThat(batches).as("the three results went into one spreadsheet").hasSize(1).doesNotContainNull();
        long batch = batches.get(0);
        assertThat(statuses()).as("not delivered before the clerk confirms").containsOnly("IN_FILE");

        String page = http.withBasicAuth("fagui", "demo").getForObject("/publication", String.class);
        assertThat(page).contains("国家企业信用信息公示系统（人工上传）", "下载表格", "下载并上传后可确认");

        // Confirming a file nobody downloaded is refused.
        confirm(batch);
        assertThat(statuses()).containsOnly("IN_FILE");

        assertThat(http.withBasicAuth("ducha", "demo").getForEntity("/publication/batches/" + batch + ".xlsx", byte[].class)
                .getStatusCode()).as("the supervision group reads the page but does not upload").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("zf001", "demo").getForEntity("/publication", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<byte[]> file = http.withBasicAuth("fagui", "demo").getForEntity("/publication/batches/" + batch + ".xlsx", byte[].class);
        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file.getBody()))) {
            List<List<String>> rows = workbook.getFirstSheet().read().stream()
                    .map(r -> r.stream().map(c -> c == null ? "" : c.getText()).toList()).toList();
            assertThat(rows.get(0)).containsExactly("检查编号", "统一社会信用代码", "市场主体名称", "抽查事项", "检查结果", "检查完成日期",
                    "检查机关", "报送编号");
            for (String code : codes) {
                assertThat(rows).anySatisfy(r -> assertThat(r).contains(code, targetName, "JT-HY-01", "未发现问题", "2027-05-10", "长春市交通运输局", code + ":1"));
            }
        }

        confirm(batch);
        assertThat(statuses()).containsOnly("DELIVERED");
        assertThat(jdbc.queryForList("select status from spotcheck.publicity_outbox where inspection_code like 'JC-901-%'", String.class))
                .hasSize(3).containsOnly("DELIVERED");
        assertThat(http.withBasicAuth("fagui", "demo").getForObject("/publication", String.class)).contains("确认");

        // Published again (an event handled twice after a crash): nothing queued twice, nothing in a new file.
        PublishedResults.publish(app, "JC-901", 3, targetId);
        runDeliveries();
        assertThat(statuses()).hasSize(3).containsOnly("DELIVERED");
    }

    @Test
    void aResultPublishedWhileABatchGoesIsTakenAfterAPause() throws Exception {
        runDeliveries(); // what earlier tests left waiting
        PublishedResults.publish(app, "JC-907", 2, Fixtures.someTarget(http, "公路货运"));
        // The second result as if published while the first one's batch goes: its delivery is queued while the batch,
        // about to end the run, waits for the lock a publication holds as it queues.
        jdbc.update("delete from spotcheck.publication_delivery d using spotcheck.publicity_outbox o where o.id = d.outbox_id "
                + "and o.inspection_code = 'JC-907-00002'");
        Job first = managementService.createJobQuery().processDefinitionKey(PublicationDelivery.PROCESS).singleResult();
        CompletableFuture<Void> batch = new CompletableFuture<>();
        new TransactionTemplate(app.getBean(PlatformTransactionManager.class))
                .executeWithoutResult(s -> {
                    List<String> channels = app.getBean(PublicationChannels.class).names();
                    channels.forEach(channel -> AdvisoryLock.holdUntilCommit(jdbc, PublicationDelivery.START_LOCK + channel));
                    new Thread(() -> {
                        try {
                            managementService.executeJob(first.getId());
                            batch.complete(null);
                        } catch (RuntimeException e) {
                            batch.completeExceptionally(e);
                        }
                    }).start();
                    try {
                        // The batch filed, it waits for the lock held here.
                        ClusterNode.waitFor(() -> Fixtures.count(jdbc, "select count(*) from pg_locks where locktype = 'advisory' and not granted") > 0, 60);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    app.getBean(DeliveryStore.class).queue("JC-907-00002", channels);
                });
        batch.get(60, TimeUnit.SECONDS);

        Job pause = managementService.createJobQuery().processDefinitionKey(PublicationDelivery.PROCESS).singleResult();
        assertThat(pause.getDuedate().toInstant()).as("the run pauses before the next batch")
                .isAfter(java.time.Instant.now().plus(PublicationSettings.DEFAULT_GATHER).minusSeconds(1));
        assertThat(codesInFile("JC-907-%")).containsExactly("JC-907-00001");
        managementService.executeJob(pause.getId()); // the pause over
        runDeliveries();
        assertThat(codesInFile("JC-907-%")).containsExactlyInAnyOrder("JC-907-00001", "JC-907-00002");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PublicationDelivery.PROCESS).count()).as("run ended").isZero();
    }

    private List<String> codesInFile(String codes) {
        return jdbc.queryForList("select o.inspection_code from spotcheck.publication_delivery d join spotcheck.publicity_outbox o "
                + "on o.id = d.outbox_id where o.inspection_code like ? and d.status = 'IN_FILE'", String.class, codes);
    }

    private void runDeliveries() {
        runtimeService.createProcessInstanceQuery().processDefinitionKey(PublicationDelivery.PROCESS).list()
                .forEach(run -> Fixtures.runAsyncJobs(managementService, run.getId()));
    }

    private List<String> statuses() {
        return jdbc.queryForList("select d.status from spotcheck.publication_delivery d join spotcheck.publicity_outbox o "
                + "on o.id = d.outbox_id where o.inspection_code like 'JC-901-%'", String.class);
    }

    /** As the page's button does: the session and CSRF token of the page, then the form post. */
    private void confirm(long batch) {
        ResponseEntity<String> answer = Fixtures.postPageForm(http, "fagui", "/publication", "/publication/batches/" + batch + "/confirm",
                new LinkedMultiValueMap<>());
        assertThat(answer.getStatusCode().isError()).as(answer.getBody()).isFalse();
    }
}
