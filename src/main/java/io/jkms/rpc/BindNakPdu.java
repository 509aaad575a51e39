package io.jkms.rpc;

import java.util.List;

/**
 * A BIND_NAK (spec §2.8): a reject reason and the supported protocol versions, each {@code major << 8 | minor}.
 */
public record BindNakPdu(int flags, int callId, int rejectReason, List<Integer> versions) implements Pdu {
    public static final int REASON_NOT_SPECIFIED = 0;
    public static final int REASON_TEMPORARY_CONGESTION = 1;
    public static final int REASON_LOCAL_LIMIT_EXCEEDED = 2;
    public static final int REASON_PROTOCOL_VERSION_NOT_SUPPORTED = 4;
    /** The one version a KMS host speaks: 5.0. */
    public static final int VERSION_5_0 = 5 << 8;

    public BindNakPdu {
        WireChecks.u8(flags, "flags");
        WireChecks.u16(rejectReason, "rejectReason");
        versions = List.copyOf(versions);
        WireChecks.u8(versions.size(), "n_protocols");
        for (int v : versions) {
            WireChecks.u16(v, "version");
        }
    }

    @Override
    public PduType type() {
        return PduType.BIND_NAK;
    }
}
