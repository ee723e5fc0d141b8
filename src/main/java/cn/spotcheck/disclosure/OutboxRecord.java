package cn.spotcheck.disclosure;

/** One published result waiting for a channel, as the receiver gets it: the payload and the key that makes a repeat harmless. */
record OutboxRecord(long outboxId, String inspectionCode, int version, String payloadJson) {

    /** The same record sent twice (an acknowledgement lost on the way back) carries the same key; a correction a new one. */
    String idempotencyKey() {
        return inspectionCode + ":" + version;
    }
}
