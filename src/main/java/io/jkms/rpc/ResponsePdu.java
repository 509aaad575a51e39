package io.jkms.rpc;

import io.jkms.wire.Bytes;
import java.util.Objects;

/** A RESPONSE (spec §3.3). */
public record ResponsePdu(int flags, int callId, long allocHint, int contextId, int cancelCount, Bytes stub)
        implements Pdu {
    public ResponsePdu {
        WireChecks.callFields(flags, allocHint, contextId);
        WireChecks.u8(cancelCount, "cancelCount");
        Objects.requireNonNull(stub, "stub");
    }

    @Override
    public PduType type() {
        return PduType.RESPONSE;
    }
}
