package cn.spotcheck.draw;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import cn.spotcheck.draw.algorithm.CandidateList;
import cn.spotcheck.draw.algorithm.InspectorDrawRequest;
import cn.spotcheck.draw.algorithm.Recusal;

/**
 * How a draw's inputs are kept: the candidate list as its canonical file (a million candidates in about two megabytes;
 * records made before it kept gzipped {@code id|stratum|weight} lines, still read), the inspector draw's inputs as a
 * map in a fixed order, gzipped once written as JSON.
 */
final class DrawInputsCodec {

    private DrawInputsCodec() {
    }

    /** The candidate file of {@link CandidateList#canonicalBytes()}: canonical, so its SHA-256 is the version 2 digest. */
    static byte[] candidates(CandidateList candidates) {
        return candidates.canonicalBytes();
    }

    /** Either form a record may hold: the candidate file, or (records of before 2026-12-04) gzipped text lines. */
    static CandidateList candidates(byte[] data) {
        if (data.length < 2 || (data[0] & 0xFF) != 0x1F || (data[1] & 0xFF) != 0x8B) {
            return CandidateList.parse(data);
        }
        CandidateList.Builder candidates = CandidateList.builder();
        for (String line : gunzip(data).split("\n")) {
            if (!line.isEmpty()) {
                String[] parts = line.split("\\|");
                candidates.add(Long.parseLong(parts[0]), parts[1], Integer.parseInt(parts[2]));
            }
        }
        return candidates.build();
    }

    /** The inspector draw's inputs in the order they are recorded; recusals sorted, so equal inputs record equal bytes. */
    static Map<String, Object> inspectorInputs(InspectorDrawRequest request) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("perTarget", request.inspectorsPerTarget());
        inputs.put("departments", request.requiredDepartments());
        inputs.put("inspectors", request.inspectors().stream().map(i -> List.of(i.id(), i.department())).toList());
        inputs.put("recusals", request.recusals().stream()
                .sorted(Comparator.comparingLong(Recusal::inspectorId).thenComparingLong(Recusal::targetId))
                .map(r -> List.of(r.inspectorId(), r.targetId())).toList());
        return inputs;
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String gunzip(byte[] data) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
