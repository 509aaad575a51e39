package io.jkms.rpc;

/**
 * An RPC-level error that the host answers with a FAULT PDU carrying {@link #status()} (an NCA status code).
 * {@link RpcSession} throws it where it decides on a fault (unknown context, opnum out of range), a
 * {@link KmsOperation} may throw it too, and the session turns it into the FAULT in one place. It is the peer's
 * doing, not a bug, and a peer may provoke one per PDU: it has no stack trace, and its message is made only when
 * asked for.
 */
public class RpcFaultException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** {@code nca_s_op_rng_error}: opnum out of range. */
    public static final long NCA_OP_RNG_ERROR = 0x1C010002L;
    /** {@code nca_s_unk_if}: the REQUEST's context was not negotiated. */
    public static final long NCA_UNK_IF = 0x1C010003L;
    /** {@code nca_s_proto_error}. */
    public static final long NCA_PROTO_ERROR = 0x1C01000BL;

    private final long status;

    public RpcFaultException(long status) {
        super(null, null, false, false);
        this.status = WireChecks.u32(status, "status");
    }

    @Override
    public String getMessage() {
        return String.format("RPC fault 0x%08X", status);
    }

    public long status() {
        return status;
    }
}
