package io.jkms.activation;

/**
 * Told when a connection meets an RPC-level problem (for metrics). Called on the I/O thread: implementations
 * must not block. Kinds come from a small fixed set, so that they can be metric labels.
 */
@FunctionalInterface
public interface RpcProblemListener {
    RpcProblemListener NONE = (kind, detail) -> { };

    /**
     * @param kind   what happened
     * @param detail a label-safe name from a fixed set: the fault status ({@code nca_op_rng_error}, …), the
     *               bind_nak reason, {@code too_short} or {@code too_long} for a frame length, or the session's
     *               {@link io.jkms.rpc.CloseReason#label()} for a protocol close
     */
    void onProblem(Kind kind, String detail);

    enum Kind {
        /** The host answered a request with an RPC FAULT PDU. */
        FAULT,
        /** The host refused a BIND with a BIND_NAK. */
        BIND_NAK,
        /** A fragment whose frag_length is impossible or over the maximum. */
        FRAME_LENGTH,
        /** Input the session could not decode or did not expect: the connection was closed without a reply. */
        PROTOCOL_CLOSE
    }
}
