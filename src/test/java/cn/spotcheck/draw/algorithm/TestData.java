package cn.spotcheck.draw.algorithm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Reproducible seeds and inputs for the tests: seed number i is SHA-256("test-seed-" + i). */
final class TestData {

    private TestData() {
    }

    static DrawSeed seed(int number) {
        try {
            byte[] bytes = MessageDigest.getInstance("SHA-256")
                    .digest(("test-seed-" + number).getBytes(StandardCharsets.UTF_8));
            return DrawSeed.ofHex(HexFormat.of().formatHex(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Candidates {@code firstId..firstId+count-1} in one stratum, normal weight. */
    static List<Candidate> candidates(String stratum, long firstId, int count) {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            candidates.add(Candidate.of(firstId + i, stratum));
        }
        return candidates;
    }

    /** Inspectors {@code firstId..firstId+count-1} of one department. */
    static List<Inspector> inspectors(String department, long firstId, int count) {
        List<Inspector> inspectors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inspectors.add(new Inspector(firstId + i, department));
        }
        return inspectors;
    }

    static List<Long> ids(long firstId, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(firstId + i);
        }
        return ids;
    }
}
