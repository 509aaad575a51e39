package io.jkms.protocol;

import io.jkms.wire.WireWriter;

/**
 * UTF-16LE strings of the KMS messages, unit by unit, so that any bytes survive a round trip (a charset
 * decoder would replace unpaired surrogates).
 */
final class Utf16 {
    private Utf16() {
    }

    /** The units from {@code off} up to the first NUL, or all {@code maxUnits} of them. */
    static String readUntilNul(byte[] data, int off, int maxUnits) {
        StringBuilder s = new StringBuilder(maxUnits);
        for (int i = 0; i < maxUnits; i++) {
            char c = unit(data, off + 2 * i);
            if (c == 0) {
                break;
            }
            s.append(c);
        }
        return s.toString();
    }

    static char unit(byte[] data, int off) {
        return (char) ((data[off] & 0xFF) | (data[off + 1] & 0xFF) << 8);
    }

    /** Writes the units of {@code s}, without a terminator. */
    static void write(WireWriter w, String s) {
        for (int i = 0; i < s.length(); i++) {
            w.u16(s.charAt(i));
        }
    }
}
