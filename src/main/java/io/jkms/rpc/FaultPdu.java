package io.jkms.rpc;

/** A FAULT (spec §3.6), 32 bytes; {@code status} is the NCA status code. */
public record FaultPdu(int flags, int callId, long allocHint, int contextId, int cancelCount, long status)
        implements Pdu {
    public FaultPdu {
        WireChecks.callFields(flags, allocHint, contextId);
        WireChecks.u8(cancelCount, "cancelCount");
        WireChecks.u32(status, "status");
    }

    @Override
    public PduType type() {
        return PduType.FAULT;
    }
}
