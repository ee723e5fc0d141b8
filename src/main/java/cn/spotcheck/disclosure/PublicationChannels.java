package cn.spotcheck.disclosure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The configured channels, checked at start-up so that a wrong setting stops the platform with a clear message. */
@Component
class PublicationChannels {

    /** The channel used when none is configured. */
    static final String DEFAULT_FILE = "file";
    static final String DEFAULT_TITLE = "国家企业信用信息公示系统（人工上传）";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9-]{1,40}");

    private final List<PublicationChannel> channels;
    private final java.util.Map<String, Integer> batchSizes = new java.util.HashMap<>();
    private final int defaultBatchSize;
    private final java.time.Duration gather;

    PublicationChannels(PublicationSettings settings, DeliveryStore store, ObjectMapper json) {
        List<PublicationChannel> built = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (PublicationSettings.Channel c : settings.channels()) {
            String where = "spotcheck.publication.channels 中的“" + c.name() + "”";
            if (c.name() == null || !NAME.matcher(c.name()).matches()) {
                throw new IllegalStateException("公示渠道的 name 须为 1 至 40 个字母、数字或连字符：" + c.name());
            }
            if (!names.add(c.name())) {
                throw new IllegalStateException(where + "重复");
            }
            String title = c.title() == null ? c.name() : c.title();
            if (c.batchSize() != null) {
                if (c.batchSize() < 1) {
                    throw new IllegalStateException(where + "的 batch-size 须为正整数");
                }
                batchSizes.put(c.name(), c.batchSize());
            }
            switch (c.type() == null ? "" : c.type()) {
                case "http" -> {
                    if (c.url() == null || !List.of("http", "https").contains(String.valueOf(c.url().getScheme()))) {
                        throw new IllegalStateException(where + "缺少有效的 url（http 或 https）");
                    }
                    built.add(new HttpJsonChannel(c, json));
                }
                case "file" -> built.add(new FileChannel(c.name(), title, store));
                default -> throw new IllegalStateException(where + "的 type 须为 http 或 file，而不是“" + c.type() + "”");
            }
        }
        if (built.isEmpty()) {
            built.add(new FileChannel(DEFAULT_FILE, DEFAULT_TITLE, store));
        }
        this.channels = List.copyOf(built);
        this.defaultBatchSize = settings.batchSize();
        this.gather = settings.gather();
    }

    /** How long a run started by a published result waits for the results published with it. */
    java.time.Duration gather() {
        return gather;
    }

    /** Records handed to the channel at once. */
    int batchSize(String name) {
        return batchSizes.getOrDefault(name, defaultBatchSize);
    }

    List<PublicationChannel> all() {
        return channels;
    }

    List<String> names() {
        return channels.stream().map(PublicationChannel::name).toList();
    }

    Optional<PublicationChannel> byName(String name) {
        return channels.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
