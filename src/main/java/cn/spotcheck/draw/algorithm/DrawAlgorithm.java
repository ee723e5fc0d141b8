package cn.spotcheck.draw.algorithm;

import java.util.Arrays;

/**
 * The algorithms a draw record may name, by the name and version written into it. A record is only ever re-checked
 * with the algorithm it names, so any change to labels, ordering or canonical texts is a new version; the older ones
 * stay here for as long as records made with them exist. New draws use {@link #CURRENT}.
 */
public enum DrawAlgorithm {

    /** Version 1: a SHA-256 key per ticket of every candidate, then a sort by key ({@code docs/draw-algorithm.md} §5). */
    KEYED_SORT("SHA256-KEYED-SORT", 1),

    /**
     * Version 2: tickets drawn one by one from a SHA-256 stream, as many hashes as targets rather than one per ticket of
     * every candidate, and the candidate list kept as a compact canonical file whose SHA-256 is its digest (§5 and §3).
     */
    TICKET_STREAM("SHA256-TICKET-STREAM", 2);

    public static final DrawAlgorithm CURRENT = TICKET_STREAM;

    private final String recordName;
    private final int version;

    DrawAlgorithm(String recordName, int version) {
        this.recordName = recordName;
        this.version = version;
    }

    /** The name as the record's first line writes it. */
    public String recordName() {
        return recordName;
    }

    public int version() {
        return version;
    }

    /** The algorithm a record names; a name or version this release does not know is refused, never guessed. */
    public static DrawAlgorithm of(String recordName, int version) {
        return Arrays.stream(values()).filter(a -> a.recordName.equals(recordName) && a.version == version).findFirst()
                .orElseThrow(() -> new InvalidDrawInputException("抽取记录所用的算法“" + recordName + "”第 " + version
                        + " 版不受本平台支持，无法复核"));
    }
}
