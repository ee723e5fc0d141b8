package cn.spotcheck.draw.algorithm;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;

/**
 * The only source of randomness in a draw: {@code H(seed, label)} = the first 8 bytes of
 * {@code SHA-256(seed bytes || UTF-8(label))}, read as an unsigned 64-bit big-endian integer. Keys are compared with
 * {@link Long#compareUnsigned}. All label formats live here, so this class is the place to read them:
 * <ul>
 *   <li>{@code target|<stratum>|<candidateId>|<ticket>} — one ticket of a candidate in the target draw (version 1);</li>
 *   <li>{@code target|<stratum>|<draw>} — the {@code draw}-th number of a stratum's ticket stream (version 2);</li>
 *   <li>{@code inspector|<load>|<inspectorId>} — an inspector's tie-break key while it has {@code load} targets;</li>
 *   <li>{@code replacement|<sequence>|<targetId>|<inspectorId>} — tie-break key when one slot is redrawn.</li>
 * </ul>
 * Numbers are plain decimal ({@link Long#toString(long)}). Not thread-safe (it reuses its buffers): one per thread.
 */
final class KeyHasher {

    private static final byte[] TARGET = "target|".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INSPECTOR = "inspector|".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REPLACEMENT = "replacement|".getBytes(StandardCharsets.US_ASCII);

    private final MessageDigest sha256 = Sha256.newDigest();
    private final byte[] seed;
    private final byte[] digest = new byte[32];
    private final Utf8Buffer label = new Utf8Buffer(96);

    KeyHasher(DrawSeed seed) {
        this.seed = seed.bytes();
    }

    /** Key of any label; the typed methods below produce exactly the same value for their label. */
    long key(String label) {
        this.label.reset().append(label);
        return hashLabel();
    }

    long targetTicketKey(byte[] stratumUtf8, long candidateId, int ticket) {
        label.reset().append(TARGET).append(stratumUtf8).append('|').appendDecimal(candidateId).append('|')
                .appendDecimal(ticket);
        return hashLabel();
    }

    long ticketStreamKey(byte[] stratumUtf8, long draw) {
        label.reset().append(TARGET).append(stratumUtf8).append('|').appendDecimal(draw);
        return hashLabel();
    }

    long inspectorKey(int load, long inspectorId) {
        label.reset().append(INSPECTOR).appendDecimal(load).append('|').appendDecimal(inspectorId);
        return hashLabel();
    }

    long replacementKey(int sequence, long targetId, long inspectorId) {
        label.reset().append(REPLACEMENT).appendDecimal(sequence).append('|').appendDecimal(targetId).append('|')
                .appendDecimal(inspectorId);
        return hashLabel();
    }

    private long hashLabel() {
        sha256.update(seed);
        sha256.update(label.array(), 0, label.length());
        try {
            sha256.digest(digest, 0, digest.length);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (digest[i] & 0xFF);
        }
        return value;
    }
}
