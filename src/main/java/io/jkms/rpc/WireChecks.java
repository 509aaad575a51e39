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

    /** The fields that open the body of a REQUEST, RESPONSE and FAULT alike (spec §3). */
    static void callFields(int flags, long allocHint, int contextId) {
        u8(flags, "flags");
        u32(allocHint, "allocHint");
        u16(contextId, "contextId");
    }

    /** The fields that open the body of a BIND and of its answer alike (spec §2.2, §2.3). */
    static void bindFields(int flags, int maxXmitFrag, int maxRecvFrag, long assocGroupId) {
        u8(flags, "flags");
        u16(maxXmitFrag, "maxXmitFrag");
        u16(maxRecvFrag, "maxRecvFrag");
        u32(assocGroupId, "assocGroupId");
    }

    static long u32(long value, String field) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(field + " out of u32 range: " + value);
        }
        return value;
    }
}
