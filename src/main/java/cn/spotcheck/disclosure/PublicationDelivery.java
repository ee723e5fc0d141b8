package cn.spotcheck.disclosure;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.system.AdvisoryLock;

/**
 * Runs {@code publication-delivery.bpmn}: one process instance per channel with records waiting, each batch a job of
 * its own. A batch that fails is retried by the engine with growing pauses, and after the last retry stands as an
 * incident in Cockpit until an administrator retries it; nothing is marked delivered that the receiver has not taken.
 */
@Component("publicationDelivery")
public class PublicationDelivery {

    static final String PROCESS = "publication-delivery";
    static final String CHANNEL = "channel";
    static final String START_LOCK = "spotcheck.publication-start:";
    /** What {@link #deliverNext} tells the diagram: the next batch now, after a pause, or none. */
    static final String NEXT = "next";
    static final String GATHER = "gather";
    static final String DONE = "done";

    private final PublicationChannels channels;
    private final DeliveryStore store;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate separately;

    PublicationDelivery(PublicationChannels channels, DeliveryStore store, RuntimeService runtimeService,
                        ManagementService managementService, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.managementService = managementService;
        this.channels = channels;
        this.store = store;
        this.runtimeService = runtimeService;
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * A newly published result: due on every channel, and each channel's run started unless one is under way. A run
     * started here sends its first batch {@code spotcheck.publication.gather} later, taking the results published
     * meanwhile with it.
     */
    void queue(String inspectionCode) {
        store.queue(inspectionCode, channels.names());
        channels.names().forEach(channel -> start(channel, channels.gather()));
    }

    /** Starts a run for every channel with records waiting and none under way (the morning timer, the page's button). */
    public int startWaiting() {
        int started = 0;
        for (String channel : channels.names()) {
            if (store.anyPending(channel) && start(channel, Duration.ZERO)) {
                started++;
            }
        }
        return started;
    }

    private boolean start(String channel, Duration gather) {
        // Results published at once wait here for each other, so that the second finds the first one's run.
        // A run standing on an incident counts as under way: the incident is the alarm, and retrying it delivers all.
        AdvisoryLock.holdUntilCommit(jdbc, START_LOCK + channel);
        // Asked of the engine's table directly: this runs for every published result, and the engine's query
        // builds its SQL anew each time.
        if (Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_
                               where e.business_key_ = ? and e.parent_id_ is null and d.key_ = ?)""", Boolean.class, channel, PROCESS))) {
            return false;
        }
        ProcessInstance run = runtimeService.startProcessInstanceByKey(PROCESS, channel, Map.of(CHANNEL, channel));
        if (!gather.isZero()) {
            // The first batch's job, due a little later: still a job like any other (Cockpit, retries, incidents).
            Job firstBatch = managementService.createJobQuery().processInstanceId(run.getId()).singleResult();
            managementService.setJobDuedate(firstBatch.getId(), Date.from(BureauTime.now().plus(gather)));
        }
        return true;
    }

    /**
     * One batch to {@code channel}: the oldest waiting records, handed over and marked in this job's transaction.
     * Returns what the diagram's loop does next: {@link #NEXT} the next batch at once (this one was full), {@link #GATHER}
     * the next after a pause (this one was short, and results were published while it went: more are likely on their
     * way, and a pause takes them in one batch instead of a job each), or {@link #DONE}.
     */
    public String deliverNext(String channel) {
        PublicationChannel target = channels.byName(channel)
                .orElseThrow(() -> new IllegalStateException("公示渠道“" + channel + "”已不在配置中（spotcheck.publication.channels）"));
        AdvisoryLock.holdUntilCommit(jdbc, "spotcheck.publication:" + channel);
        int batchSize = channels.batchSize(channel);
        List<OutboxRecord> records = store.pending(channel, batchSize);
        if (!records.isEmpty()) {
            try {
                target.send(records);
            } catch (DeliveryFailedException e) {
                separately.executeWithoutResult(s -> store.failed(channel, records, e.getMessage()));
                throw e;
            }
            if (target.deliveredOnSend()) {
                store.delivered(channel, records, BureauTime.now());
            }
            if (records.size() == batchSize) {
                return NEXT;
            }
        }
        return arrivedMeanwhile(channel) ? GATHER : DONE;
    }

    /** The pause before a {@link #GATHER}ed batch, for the diagram's timer (ISO 8601). */
    public String gatherPause() {
        return channels.gather().toString();
    }

    /**
     * What the diagram's first version calls: a run of that version (one standing on an incident when the platform was
     * upgraded) goes on with it, without the pause.
     */
    public boolean deliverBatch(String channel) {
        return !DONE.equals(deliverNext(channel));
    }

    /**
     * Before the run ends: whether a result was published since its batch was read. Taken under the lock a
     * publication starts a run under, so that such a result is either seen here or, its start waiting for this
     * transaction, finds the run ended and starts another; it would otherwise wait for the morning's run.
     */
    private boolean arrivedMeanwhile(String channel) {
        AdvisoryLock.holdUntilCommit(jdbc, START_LOCK + channel);
        return store.anyPending(channel);
    }
}
