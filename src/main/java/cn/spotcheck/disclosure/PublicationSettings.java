package cn.spotcheck.disclosure;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where published results go ({@code spotcheck.publication.*}). Each channel is an interface the receiving system
 * offers ({@code type: http}: JSON posted to {@code url}) or a spreadsheet a clerk uploads by hand ({@code type: file}).
 * With no channel configured, results go to one file channel.
 */
@ConfigurationProperties(prefix = "spotcheck.publication")
record PublicationSettings(List<Channel> channels, Integer batchSize, Duration gather) {

    /** Records handed to a channel at once: one request, one transaction, one job. */
    static final int DEFAULT_BATCH_SIZE = 500;
    /**
     * How long a channel's run, started by a published result, waits for the results published with it. Without it,
     * under a burst (8 users publishing) a run started for about every second result: a process instance, its job and
     * its history each time, and each batch of one or two records.
     */
    static final Duration DEFAULT_GATHER = Duration.ofSeconds(2);

    PublicationSettings {
        channels = channels == null ? List.of() : List.copyOf(channels);
        batchSize = batchSize == null || batchSize < 1 ? DEFAULT_BATCH_SIZE : batchSize;
        gather = gather == null ? DEFAULT_GATHER : gather.isNegative() ? Duration.ZERO : gather;
    }

    /**
     * One channel. {@code name} is its key in the records (letters, digits, '-'); {@code title} what staff read.
     * An HTTP channel authenticates with {@code token} (Bearer) or {@code username}/{@code password} (Basic); a receiver
     * that takes fewer records per request sets its own {@code batchSize}.
     */
    record Channel(String name, String title, String type, URI url, String username, String password, String token,
                   Duration timeout, Integer batchSize) {
    }
}
