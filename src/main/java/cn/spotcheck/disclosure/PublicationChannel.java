package cn.spotcheck.disclosure;

import java.util.List;

/** A way published results reach a publicity system. */
interface PublicationChannel {

    String name();

    /** What staff read, e.g. 国家企业信用信息公示系统. */
    String title();

    /**
     * Hands the records over; returns once the receiver has acknowledged them. A failure throws
     * {@link DeliveryFailedException} saying in Chinese what went wrong; nothing is then marked.
     */
    void send(List<OutboxRecord> records);

    /** True when a record is delivered once sent (an interface); false when a clerk confirms its upload (a file). */
    boolean deliveredOnSend();
}
