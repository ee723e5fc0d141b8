package cn.spotcheck.draw.algorithm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a draw record's digest covers, and the digest itself. Records form a hash chain: each names the digest of
 * the record before it ({@link #GENESIS} for the first), so rewriting any past draw breaks every later digest.
 *
 * <p>Canonical text (UTF-8, every line ends with {@code \n}, nothing else, no BOM):
 * <pre>
 * algorithm=&lt;algorithm&gt;
 * version=&lt;version&gt;
 * seed=&lt;64 lowercase hex&gt;
 * candidateDigest=&lt;64 lowercase hex&gt;
 * &lt;result line 1&gt;
 * ...
 * &lt;result line n&gt;
 * previousDigest=&lt;64 lowercase hex&gt;
 * </pre>
 * The digest is the lowercase hex SHA-256 of that text. For a draw the result lines are built by
 * {@link #ofDraw}; for a replacement by {@link #ofReplacement}.
 */
public record DrawRecordContent(String algorithm, int version, String seedHex, String candidateDigest,
        List<String> resultLines, String previousDigest) {

    /** The previous digest of the first record of a chain. */
    public static final String GENESIS = "0".repeat(64);

    public DrawRecordContent {
        Codes.require(algorithm, "算法名称");
        if (version < 1) {
            throw new InvalidDrawInputException("算法版本须为正整数，当前为 " + version);
        }
        seedHex = new DrawSeed(seedHex).hex();
        requireDigest(candidateDigest, "候选名单摘要");
        requireDigest(previousDigest, "上一条记录的摘要");
        resultLines = List.copyOf(resultLines);
        for (String line : resultLines) {
            if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                throw new InvalidDrawInputException("抽取结果行不能包含换行：" + line);
            }
        }
    }

    /**
     * A draw: the target draw's stratum lines, then {@code inspectorInputs|<InspectorDraw.inputDigest>}, then one
     * {@code assign|...} line per target.
     */
    public static DrawRecordContent ofDraw(DrawAlgorithm algorithm, DrawSeed seed, TargetDrawResult targets,
            InspectorDrawRequest inspectors, InspectorAssignment assignment, String previousDigest) {
        List<String> lines = new ArrayList<>(targets.canonicalLines());
        lines.add("inspectorInputs|" + InspectorDraw.inputDigest(inspectors));
        lines.addAll(assignment.canonicalLines());
        return new DrawRecordContent(algorithm.recordName(), algorithm.version(), seed.hex(), targets.candidateDigest(),
                lines, previousDigest);
    }

    /**
     * A replacement, chained after the draw (or the previous replacement): {@code inspectorInputs|...} of the request
     * used for it, then the {@link Replacement#canonicalLine()}. It names the algorithm of the draw it changes.
     */
    public static DrawRecordContent ofReplacement(DrawAlgorithm algorithm, InspectorDrawRequest request, String candidateDigest,
            Replacement replacement, String previousDigest) {
        List<String> lines = List.of("inspectorInputs|" + InspectorDraw.inputDigest(request),
                replacement.canonicalLine());
        return new DrawRecordContent(algorithm.recordName(), algorithm.version(), request.seed().hex(), candidateDigest,
                lines, previousDigest);
    }

    public String canonicalText() {
        StringBuilder text = new StringBuilder();
        text.append("algorithm=").append(algorithm).append('\n');
        text.append("version=").append(version).append('\n');
        text.append("seed=").append(seedHex).append('\n');
        text.append("candidateDigest=").append(candidateDigest).append('\n');
        for (String line : resultLines) {
            text.append(line).append('\n');
        }
        text.append("previousDigest=").append(previousDigest).append('\n');
        return text.toString();
    }

    /** Lowercase hex SHA-256 of {@link #canonicalText()}. */
    public String digest() {
        return Sha256.hexOfUtf8(canonicalText());
    }

    private static void requireDigest(String value, String what) {
        if (!Sha256.isDigestHex(Objects.requireNonNullElse(value, ""))) {
            throw new InvalidDrawInputException(what + "须为 64 位小写十六进制字符：" + value);
        }
    }
}
