package cn.spotcheck.draw.algorithm;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The 32 random bytes a draw is derived from, kept as 64 lowercase hex digits so that the record, the published
 * page and this value are literally the same text. The caller generates it once ({@link #generate}) and stores it;
 * everything else follows from it.
 */
public record DrawSeed(String hex) {

    public static final int BYTES = 32;

    public DrawSeed {
        if (hex == null || hex.length() != 2 * BYTES) {
            throw new InvalidDrawInputException("随机种子须为 64 位十六进制字符（32 字节），实际为："
                    + (hex == null ? "空" : hex.length() + " 位"));
        }
        hex = hex.toLowerCase(java.util.Locale.ROOT);
        if (!Sha256.isDigestHex(hex)) {
            throw new InvalidDrawInputException("随机种子只能包含十六进制字符 0-9、a-f：" + hex);
        }
    }

    public static DrawSeed ofHex(String hex) {
        return new DrawSeed(hex);
    }

    /** A fresh seed from a cryptographically strong generator; pass {@code new SecureRandom()} in production. */
    public static DrawSeed generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new DrawSeed(HexFormat.of().formatHex(bytes));
    }

    /** A copy of the 32 bytes (the record stays immutable). */
    public byte[] bytes() {
        return HexFormat.of().parseHex(hex);
    }

    @Override
    public String toString() {
        return hex;
    }
}
