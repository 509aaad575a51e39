package io.jkms.client;

/** The host answered a REQUEST with a FAULT PDU; {@link #status()} is its NCA status code. */
public class RpcFaultReceivedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long status;
    private final int callId;

    public RpcFaultReceivedException(long status, int callId) {
        super(String.format("host answered with RPC fault 0x%08X (call_id %d)", status, callId));
        this.status = status;
        this.callId = callId;
    }

    public long status() {
        return status;
    }

    /** The FAULT's call_id, not checked (vlmcsd always sends 2). */
    public int callId() {
        return callId;
    }
}
