package cn.spotcheck.draw.algorithm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer for building hash labels, canonical lines and the candidate file without a String per line:
 * version 1's target draw hashes about two million labels for a million candidates, and allocating each one shows in
 * the timings.
 * Decimal numbers are written exactly as {@link Long#toString(long)} writes them.
 */
final class Utf8Buffer {

    private byte[] bytes;
    private int length;

    Utf8Buffer(int capacity) {
        bytes = new byte[capacity];
    }

    Utf8Buffer reset() {
        length = 0;
        return this;
    }

    Utf8Buffer append(byte[] utf8) {
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
        return this;
    }

    Utf8Buffer append(String text) {
        return append(text.getBytes(StandardCharsets.UTF_8));
    }

    /** One ASCII character, e.g. the '|' separator or '\n'. */
    Utf8Buffer append(char ascii) {
        ensure(1);
        bytes[length++] = (byte) ascii;
        return this;
    }

    /** One raw byte (the candidate file's weights). */
    Utf8Buffer appendByte(byte value) {
        ensure(1);
        bytes[length++] = value;
        return this;
    }

    /** Unsigned LEB128: seven bits a byte, low bits first, the high bit set on every byte but the last. */
    Utf8Buffer appendVarint(long value) {
        ensure(10);
        while ((value & ~0x7FL) != 0) {
            bytes[length++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        bytes[length++] = (byte) value;
        return this;
    }

    Utf8Buffer appendDecimal(long value) {
        if (value < 0) {
            return append(Long.toString(value)); // rare (ids are positive); keeps Long.MIN_VALUE right
        }
        ensure(20);
        int start = length;
        do {
            bytes[length++] = (byte) ('0' + (value % 10));
            value /= 10;
        } while (value != 0);
        for (int i = start, j = length - 1; i < j; i++, j--) {
            byte t = bytes[i];
            bytes[i] = bytes[j];
            bytes[j] = t;
        }
        return this;
    }

    byte[] array() {
        return bytes;
    }

    int length() {
        return length;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
