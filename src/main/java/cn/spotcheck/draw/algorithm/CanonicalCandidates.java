package cn.spotcheck.draw.algorithm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The candidate list in its one canonical form — grouped by stratum (code point order), ids ascending within a
 * stratum — so that neither the result nor the digest depends on the order the caller loaded the rows in.
 * A target id may appear once only, whatever its stratum.
 */
final class CanonicalCandidates {

    private final SortedMap<String, List<Candidate>> byStratum;
    private final int size;

    private CanonicalCandidates(SortedMap<String, List<Candidate>> byStratum, int size) {
        this.byStratum = byStratum;
        this.size = size;
    }

    static CanonicalCandidates of(List<Candidate> candidates) {
        rejectDuplicates(candidates);
        // Grouping first, then sorting each group by id: rows usually arrive in id order, which TimSort
        // finishes in one pass, so a million candidates cost tens of milliseconds, not a full comparison sort.
        Map<String, List<Candidate>> groups = new HashMap<>();
        for (Candidate c : candidates) {
            groups.computeIfAbsent(c.stratum(), s -> new ArrayList<>()).add(c);
        }
        SortedMap<String, List<Candidate>> sorted = new TreeMap<>(Codes.ORDER);
        groups.forEach((stratum, members) -> {
            members.sort(Comparator.comparingLong(Candidate::id));
            sorted.put(stratum, members);
        });
        return new CanonicalCandidates(sorted, candidates.size());
    }

    int size() {
        return size;
    }

    SortedMap<String, List<Candidate>> byStratum() {
        return byStratum;
    }

    List<Candidate> stratum(String stratum) {
        return byStratum.getOrDefault(stratum, List.of());
    }

    /** SHA-256 hex of the lines {@code <id>|<stratum>|<weight>\n}, in canonical order, UTF-8. */
    String digest() {
        MessageDigest sha256 = Sha256.newDigest();
        Utf8Buffer buffer = new Utf8Buffer(1 << 16);
        byStratum.forEach((stratum, members) -> {
            byte[] stratumUtf8 = stratum.getBytes(StandardCharsets.UTF_8);
            for (Candidate c : members) {
                buffer.appendDecimal(c.id()).append('|').append(stratumUtf8).append('|').appendDecimal(c.weight())
                        .append('\n');
                if (buffer.length() > (1 << 16) - 256) {
                    sha256.update(buffer.array(), 0, buffer.length());
                    buffer.reset();
                }
            }
        });
        sha256.update(buffer.array(), 0, buffer.length());
        return Sha256.hex(sha256.digest());
    }

    private static void rejectDuplicates(List<Candidate> candidates) {
        long[] ids = new long[candidates.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = candidates.get(i).id();
        }
        Arrays.sort(ids);
        List<Long> duplicates = new ArrayList<>();
        for (int i = 1; i < ids.length; i++) {
            if (ids[i] == ids[i - 1] && (duplicates.isEmpty() || duplicates.get(duplicates.size() - 1) != ids[i])) {
                duplicates.add(ids[i]);
            }
        }
        if (!duplicates.isEmpty()) {
            List<Long> named = duplicates.subList(0, Math.min(20, duplicates.size()));
            throw new InvalidDrawInputException("候选检查对象重复，同一对象只能出现一次：" + join(named)
                    + (duplicates.size() > named.size() ? " 等共 " + duplicates.size() + " 个" : ""));
        }
    }

    private static String join(List<Long> ids) {
        StringBuilder text = new StringBuilder();
        for (Long id : ids) {
            if (text.length() > 0) {
                text.append('、');
            }
            text.append(id);
        }
        return text.toString();
    }
}
