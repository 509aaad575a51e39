package io.jkms.rpc;

/** Range checks for record components that travel as fixed-width unsigned fields. */
final class WireChecks {
    private WireChecks() {
    }

    static int u8(int value, String field) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(field + " out of u8 range: " + value);
        }
        return value;
    }

    static int u16(int value, String field) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(field + " out of u16 range: " + value);
        }
        return value;
    }

    static long u32(long value, String field) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(field + " out of u32 range: " + value);
        }
        return value;
    }
}
