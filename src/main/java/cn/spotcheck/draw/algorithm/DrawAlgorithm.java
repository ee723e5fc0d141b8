package cn.spotcheck.draw.algorithm;

/**
 * The name and version written into every draw record. A record is only ever re-checked with the algorithm it
 * names, so any change to labels, ordering or canonical texts must bump {@link #VERSION}.
 */
public final class DrawAlgorithm {

    /** SHA-256 keys, then a sort by key: see {@code docs/draw-algorithm.md}. */
    public static final String NAME = "SHA256-KEYED-SORT";

    public static final int VERSION = 1;

    private DrawAlgorithm() {
    }
}
