package cn.spotcheck.draw.algorithm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The candidate list in its one canonical form — grouped by stratum (code point order), ids ascending within a
 * stratum — kept as primitive arrays: a million candidates are 9 MB, not a million objects. Neither the draw nor the
 * digest depends on the order the caller added the rows in. A target id may appear once only, whatever its stratum.
 *
 * <p>{@link #canonicalBytes()} is the candidate file of version 2 ({@code docs/draw-algorithm.md} §3): the form a
 * record keeps, and whose SHA-256 is the version 2 candidate digest.
 */
public final class CandidateList {

    static final byte[] FILE_HEADER = "spotcheck-candidates 2\n".getBytes(StandardCharsets.US_ASCII);

    /** One stratum's members: ids strictly ascending, and each one's weight at the same index. */
    record Members(long[] ids, byte[] weights) {

        int size() {
            return ids.length;
        }
    }

    private final SortedMap<String, Members> strata;
    private final int size;
    /** The file, once written: the digest and the record both need it, and a list never changes. */
    private volatile byte[] file;

    private CandidateList(SortedMap<String, Members> strata, int size) {
        this.strata = Collections.unmodifiableSortedMap(strata);
        this.size = size;
    }

    public static CandidateList of(Collection<Candidate> candidates) {
        Builder builder = builder();
        candidates.forEach(c -> builder.add(c.id(), c.stratum(), c.weight()));
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return size;
    }

    /** The strata that have candidates, in text order. */
    public List<String> strata() {
        return List.copyOf(strata.keySet());
    }

    /** How many candidates a stratum has (0 for one without). */
    public int count(String stratum) {
        Members members = strata.get(stratum);
        return members == null ? 0 : members.size();
    }

    Members members(String stratum) {
        return strata.getOrDefault(stratum, new Members(new long[0], new byte[0]));
    }

    /** Every candidate, in canonical order (a list of objects: for small lists, tests and version 1). */
    public List<Candidate> toList() {
        List<Candidate> list = new ArrayList<>(size);
        strata.keySet().forEach(stratum -> list.addAll(stratum(stratum)));
        return list;
    }

    /** One stratum's candidates, ids ascending. */
    List<Candidate> stratum(String stratum) {
        Members members = members(stratum);
        List<Candidate> list = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            list.add(new Candidate(members.ids()[i], stratum, members.weights()[i]));
        }
        return list;
    }

    /** The candidate digest as the algorithm defines it (§3): of the text lines in version 1, of the file in version 2. */
    public String digest(DrawAlgorithm algorithm) {
        if (algorithm == DrawAlgorithm.KEYED_SORT) {
            return textDigest();
        }
        return Sha256.hex(Sha256.newDigest().digest(file()));
    }

    /** SHA-256 hex of the lines {@code <id>|<stratum>|<weight>\n}, in canonical order, UTF-8 (version 1). */
    private String textDigest() {
        MessageDigest sha256 = Sha256.newDigest();
        Utf8Buffer buffer = new Utf8Buffer(1 << 16);
        strata.forEach((stratum, members) -> {
            byte[] stratumUtf8 = stratum.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < members.size(); i++) {
                buffer.appendDecimal(members.ids()[i]).append('|').append(stratumUtf8).append('|')
                        .appendDecimal(members.weights()[i]).append('\n');
                if (buffer.length() > (1 << 16) - 256) {
                    sha256.update(buffer.array(), 0, buffer.length());
                    buffer.reset();
                }
            }
        });
        sha256.update(buffer.array(), 0, buffer.length());
        return Sha256.hex(sha256.digest());
    }

    /**
     * The candidate file (§3): the header line, then per stratum in text order its code and a line feed, its size, and
     * per candidate the gap to the previous id (the first: id + 1) and the weight byte; sizes and gaps as unsigned
     * LEB128. Ids must be non-negative; a million consecutive ids take 2 MB.
     */
    public byte[] canonicalBytes() {
        return file().clone();
    }

    /** The file itself, written on first use; never handed out, since a list never changes. */
    private byte[] file() {
        byte[] written = file;
        if (written == null) {
            Utf8Buffer out = new Utf8Buffer(FILE_HEADER.length + 64 + size * 3).append(FILE_HEADER);
            strata.forEach((stratum, members) -> {
                out.append(stratum).append('\n').appendVarint(members.size());
                long previous = -1;
                for (int i = 0; i < members.size(); i++) {
                    long id = members.ids()[i];
                    if (id < 0 || id == Long.MAX_VALUE) {
                        throw new InvalidDrawInputException("检查对象编号 " + id + " 无效：须为非负整数");
                    }
                    out.appendVarint(id - previous).appendByte(members.weights()[i]);
                    previous = id;
                }
            });
            written = Arrays.copyOf(out.array(), out.length());
            file = written;
        }
        return written;
    }

    /** Reads a candidate file written by {@link #canonicalBytes()}; anything else is refused as input. */
    public static CandidateList parse(byte[] file) {
        if (file.length < FILE_HEADER.length || !Arrays.equals(file, 0, FILE_HEADER.length, FILE_HEADER, 0, FILE_HEADER.length)) {
            throw new InvalidDrawInputException("候选名单文件格式不符：缺少文件头 spotcheck-candidates 2");
        }
        Reader in = new Reader(file, FILE_HEADER.length);
        SortedMap<String, Members> strata = new TreeMap<>(Codes.ORDER);
        int size = 0;
        String last = null;
        while (in.more()) {
            String stratum = Codes.require(in.line(), "候选名单文件中的分层");
            if (last != null && Codes.ORDER.compare(last, stratum) >= 0) {
                throw new InvalidDrawInputException("候选名单文件的分层“" + stratum + "”未按规定顺序排列或重复");
            }
            last = stratum;
            int count = Math.toIntExact(in.varint());
            long[] ids = new long[count];
            byte[] weights = new byte[count];
            long previous = -1;
            for (int i = 0; i < count; i++) {
                long gap = in.varint();
                if (gap < 1 || previous + gap < previous) {
                    throw new InvalidDrawInputException("候选名单文件的分层“" + stratum + "”第 " + (i + 1) + " 个编号无效");
                }
                ids[i] = previous + gap;
                weights[i] = in.weight(ids[i]);
                previous = ids[i];
            }
            strata.put(stratum, new Members(ids, weights));
            size += count;
        }
        CandidateList list = new CandidateList(strata, size);
        list.rejectDuplicates();
        return list;
    }

    private void rejectDuplicates() {
        long[] all = new long[size];
        int at = 0;
        for (Members members : strata.values()) {
            System.arraycopy(members.ids(), 0, all, at, members.size());
            at += members.size();
        }
        // Each stratum is already ascending, so the sort merges a few runs.
        Arrays.sort(all);
        List<Long> duplicates = new ArrayList<>();
        for (int i = 1; i < all.length; i++) {
            if (all[i] == all[i - 1] && (duplicates.isEmpty() || duplicates.get(duplicates.size() - 1) != all[i])) {
                duplicates.add(all[i]);
            }
        }
        if (!duplicates.isEmpty()) {
            List<Long> named = duplicates.subList(0, Math.min(20, duplicates.size()));
            StringBuilder text = new StringBuilder();
            named.forEach(id -> text.append(text.length() > 0 ? "、" : "").append(id));
            throw new InvalidDrawInputException("候选检查对象重复，同一对象只能出现一次：" + text
                    + (duplicates.size() > named.size() ? " 等共 " + duplicates.size() + " 个" : ""));
        }
    }

    /** Collects candidates in any order; {@link #build()} sorts each stratum and refuses duplicates. */
    public static final class Builder {

        private final Map<String, Growing> strata = new HashMap<>();
        private int size;

        private Builder() {
        }

        public Builder add(long id, String stratum, int weight) {
            requireWeight(id, stratum, weight);
            members(stratum).add(id, (byte) weight);
            size++;
            return this;
        }

        /** A stratum's candidates at once, {@code weights[i]} being {@code ids[i]}'s (a million rows, no call each). */
        public Builder add(String stratum, long[] ids, byte[] weights) {
            if (ids.length != weights.length) {
                throw new IllegalArgumentException("ids and weights differ in length");
            }
            if (ids.length == 0) {
                return this; // a stratum exists by its candidates, so that the file never lists an empty one
            }
            for (int i = 0; i < ids.length; i++) {
                requireWeight(ids[i], stratum, weights[i]);
            }
            members(stratum).addAll(ids, weights);
            size += ids.length;
            return this;
        }

        private Growing members(String stratum) {
            return strata.computeIfAbsent(stratum, s -> {
                Codes.require(s, "检查对象的分层（信用等级）");
                return new Growing();
            });
        }

        private static void requireWeight(long id, String stratum, int weight) {
            if (weight < 1 || weight > Candidate.MAX_WEIGHT) {
                new Candidate(id, stratum, weight); // throws the message that names the candidate and the rule
            }
        }

        public CandidateList build() {
            SortedMap<String, Members> sorted = new TreeMap<>(Codes.ORDER);
            strata.forEach((stratum, members) -> sorted.put(stratum, members.sorted()));
            CandidateList list = new CandidateList(sorted, size);
            list.rejectDuplicates();
            return list;
        }
    }

    private static final class Growing {

        private long[] ids = new long[16];
        private byte[] weights = new byte[16];
        private int size;
        private boolean ascending = true;

        void add(long id, byte weight) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                weights = Arrays.copyOf(weights, size * 2);
            }
            ascending &= size == 0 || ids[size - 1] < id;
            ids[size] = id;
            weights[size++] = weight;
        }

        void addAll(long[] more, byte[] moreWeights) {
            if (size + more.length > ids.length) {
                ids = Arrays.copyOf(ids, Math.max(size + more.length, size * 2));
                weights = Arrays.copyOf(weights, ids.length);
            }
            for (int k = 0; k < more.length; k++) {
                ascending &= size + k == 0 || (k == 0 ? ids[size - 1] : more[k - 1]) < more[k];
            }
            System.arraycopy(more, 0, ids, size, more.length);
            System.arraycopy(moreWeights, 0, weights, size, more.length);
            size += more.length;
        }

        /** Rows usually come in id order, and then nothing is sorted; otherwise ids and weights are sorted together. */
        Members sorted() {
            long[] i = Arrays.copyOf(ids, size);
            byte[] w = Arrays.copyOf(weights, size);
            if (!ascending) {
                Integer[] order = new Integer[size];
                Arrays.setAll(order, k -> k);
                Arrays.sort(order, (a, b) -> Long.compare(ids[a], ids[b]));
                for (int k = 0; k < size; k++) {
                    i[k] = ids[order[k]];
                    w[k] = weights[order[k]];
                }
            }
            return new Members(i, w);
        }
    }

    private static final class Reader {

        private final byte[] bytes;
        private int at;

        Reader(byte[] bytes, int at) {
            this.bytes = bytes;
            this.at = at;
        }

        boolean more() {
            return at < bytes.length;
        }

        String line() {
            int end = at;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            if (end == bytes.length) {
                throw truncated();
            }
            String line = new String(bytes, at, end - at, StandardCharsets.UTF_8);
            at = end + 1;
            return line;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (at >= bytes.length) {
                    throw truncated();
                }
                byte b = bytes[at++];
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new InvalidDrawInputException("候选名单文件中的数字过长");
        }

        byte weight(long id) {
            if (at >= bytes.length) {
                throw truncated();
            }
            byte weight = bytes[at++];
            if (weight < 1 || weight > Candidate.MAX_WEIGHT) {
                throw new InvalidDrawInputException("候选名单文件中检查对象 " + id + " 的抽取权重 " + weight + " 无效");
            }
            return weight;
        }

        private InvalidDrawInputException truncated() {
            return new InvalidDrawInputException("候选名单文件不完整（在第 " + at + " 字节处中断）");
        }
    }
}
