package cn.spotcheck.draw.algorithm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The target draw of version 2 inside one stratum: tickets are drawn one at a time, without replacement of the
 * candidate that holds them. Draw {@code j} takes {@code x = H(seed, "target|<stratum>|<j>")}; if {@code x} falls in the
 * incomplete last block of 2<sup>64</sup> ({@code x ≥ ⌊2^64 / T⌋ × T}, T the tickets still in the stratum) it is passed
 * over, otherwise ticket {@code x mod T} is taken: counting the remaining candidates' tickets in id order, the
 * candidate holding that ticket is drawn and its tickets leave the stratum. When {@code count} equals the stratum's
 * size, everyone is taken in id order without a draw.
 *
 * <p>This is the same successive sampling as version 1's keyed sort (each next target drawn with probability
 * proportional to its tickets among those not yet drawn), but it needs about {@code count} hashes instead of one per
 * ticket of every candidate. A Fenwick tree over the weights finds a ticket's holder and removes it in
 * {@code O(log n)}; the result is the plain walk the reference script does, only quicker.
 */
final class TicketStream {

    private TicketStream() {
    }

    /** Ids of the drawn candidates, in draw order. */
    static List<Long> select(DrawSeed seed, String stratum, CandidateList.Members members, int count) {
        List<Long> drawn = new ArrayList<>(count);
        if (count == members.size()) {
            for (long id : members.ids()) {
                drawn.add(id);
            }
            return drawn;
        }
        Tickets tickets = new Tickets(members.weights());
        KeyHasher hasher = new KeyHasher(seed);
        byte[] stratumUtf8 = stratum.getBytes(StandardCharsets.UTF_8);
        for (long j = 0; drawn.size() < count; j++) {
            long x = hasher.ticketStreamKey(stratumUtf8, j);
            long total = tickets.total();
            // 2^64 mod T, in unsigned arithmetic; numbers at or above 2^64 − that would favour the low tickets.
            long incomplete = (Long.remainderUnsigned(-1L, total) + 1) % total;
            if (incomplete != 0 && Long.compareUnsigned(x, -incomplete) >= 0) {
                continue;
            }
            int holder = tickets.holderOf(Long.remainderUnsigned(x, total));
            tickets.remove(holder);
            drawn.add(members.ids()[holder]);
        }
        return drawn;
    }

    /** The remaining tickets, by candidate index: a Fenwick tree of weights (1-based inside). */
    private static final class Tickets {

        private final long[] tree;
        private final byte[] weights;
        private final int highestStep;
        private long total;

        Tickets(byte[] weights) {
            this.weights = weights.clone();
            int n = weights.length;
            tree = new long[n + 1];
            for (int i = 1; i <= n; i++) {
                tree[i] += weights[i - 1];
                total += weights[i - 1];
                int parent = i + (i & -i);
                if (parent <= n) {
                    tree[parent] += tree[i];
                }
            }
            highestStep = n == 0 ? 0 : Integer.highestOneBit(n);
        }

        long total() {
            return total;
        }

        /** The index of the candidate holding ticket {@code t}: the first whose running ticket count exceeds t. */
        int holderOf(long t) {
            int position = 0;
            long before = t;
            for (int step = highestStep; step > 0; step >>= 1) {
                int next = position + step;
                if (next < tree.length && tree[next] <= before) {
                    position = next;
                    before -= tree[next];
                }
            }
            return position;
        }

        void remove(int index) {
            int weight = weights[index];
            weights[index] = 0;
            total -= weight;
            for (int i = index + 1; i < tree.length; i += i & -i) {
                tree[i] -= weight;
            }
        }
    }
}
