package cn.spotcheck.draw.algorithm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The keyed sort inside one stratum (version 1, kept to re-check the records made with it). A candidate's key is the
 * smallest of its tickets' keys, {@code min over t = 0..weight-1 of H(seed, "target|<stratum>|<id>|<t>")}; the
 * {@code count} candidates with the smallest (key unsigned, id) are drawn, listed in that order.
 *
 * <p>Why this is a fair weighted draw: all tickets' keys are independent and uniform, so sorting tickets and
 * taking candidates in the order their first ticket appears is drawing tickets one by one without replacement
 * (a candidate with two tickets is twice as likely as one with one ticket to come first). Without weights it is
 * a uniformly random subset of size {@code count}. No logarithms or division, so integers reproduce it exactly.
 */
final class StratumSelection {

    /** Below this size one thread is quicker than splitting the work. */
    private static final int PARALLEL_THRESHOLD = 50_000;
    private static final int CHUNK = 16_384;

    private StratumSelection() {
    }

    /** Ids of the drawn candidates, key order. {@code members} must be in canonical (id ascending) order. */
    static List<Long> select(DrawSeed seed, String stratum, List<Candidate> members, int count) {
        if (count == 0) {
            return List.of();
        }
        long[] keys = keys(seed, stratum, members);
        long threshold = cutOffKey(keys, count);
        // Everything strictly below the threshold is in; of the keys equal to it (a 64-bit tie: practically never,
        // but it must be decided the same way everywhere) the lowest ids are in. Members are in id order already.
        List<Integer> chosen = new ArrayList<>(count);
        for (int i = 0; i < keys.length; i++) {
            if (Long.compareUnsigned(keys[i], threshold) < 0) {
                chosen.add(i);
            }
        }
        for (int i = 0; i < keys.length && chosen.size() < count; i++) {
            if (keys[i] == threshold) {
                chosen.add(i);
            }
        }
        chosen.sort((a, b) -> {
            int byKey = Long.compareUnsigned(keys[a], keys[b]);
            return byKey != 0 ? byKey : Long.compare(members.get(a).id(), members.get(b).id());
        });
        List<Long> ids = new ArrayList<>(count);
        for (int index : chosen) {
            ids.add(members.get(index).id());
        }
        return ids;
    }

    /**
     * Candidate keys, in member order. Keys are independent of each other, so large strata are hashed in chunks
     * on the common pool, one hasher per chunk (MessageDigest is not thread-safe); the values do not depend on
     * how the work is split.
     */
    static long[] keys(DrawSeed seed, String stratum, List<Candidate> members) {
        byte[] stratumUtf8 = stratum.getBytes(StandardCharsets.UTF_8);
        long[] keys = new long[members.size()];
        int chunks = (members.size() + CHUNK - 1) / CHUNK;
        IntStream range = IntStream.range(0, chunks);
        if (members.size() >= PARALLEL_THRESHOLD) {
            range = range.parallel();
        }
        range.forEach(chunk -> {
            KeyHasher hasher = new KeyHasher(seed);
            int end = Math.min(members.size(), (chunk + 1) * CHUNK);
            for (int i = chunk * CHUNK; i < end; i++) {
                Candidate c = members.get(i);
                long key = hasher.targetTicketKey(stratumUtf8, c.id(), 0);
                for (int ticket = 1; ticket < c.weight(); ticket++) {
                    long next = hasher.targetTicketKey(stratumUtf8, c.id(), ticket);
                    if (Long.compareUnsigned(next, key) < 0) {
                        key = next;
                    }
                }
                keys[i] = key;
            }
        });
        return keys;
    }

    /**
     * The {@code count}-th smallest key (unsigned). Flipping the sign bit maps unsigned order onto signed order,
     * so a primitive sort of a copy finds it without boxing a million longs.
     */
    private static long cutOffKey(long[] keys, int count) {
        long[] flipped = new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            flipped[i] = keys[i] ^ Long.MIN_VALUE;
        }
        Arrays.sort(flipped);
        return flipped[count - 1] ^ Long.MIN_VALUE;
    }
}
