package cn.spotcheck.draw;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import cn.spotcheck.draw.algorithm.Candidate;
import cn.spotcheck.draw.algorithm.InspectorDrawRequest;
import cn.spotcheck.draw.algorithm.Recusal;

/**
 * How a draw's inputs are kept: the candidate list as gzipped {@code id|stratum|weight} lines (a million candidates in
 * a few megabytes), the inspector draw's inputs as a map in a fixed order, gzipped once written as JSON.
 */
final class DrawInputsCodec {

    private DrawInputsCodec() {
    }

    static byte[] candidates(List<Candidate> candidates) {
        StringBuilder sb = new StringBuilder(candidates.size() * 16);
        for (Candidate c : candidates) {
            sb.append(c.id()).append('|').append(c.stratum()).append('|').append(c.weight()).append('\n');
        }
        return gzip(sb.toString());
    }

    static List<Candidate> candidates(byte[] data) {
        List<Candidate> candidates = new ArrayList<>();
        for (String line : gunzip(data).split("\n")) {
            if (!line.isEmpty()) {
                String[] parts = line.split("\\|");
                candidates.add(new Candidate(Long.parseLong(parts[0]), parts[1], Integer.parseInt(parts[2])));
            }
        }
        return candidates;
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
