package io.jkms.rpc;

import io.jkms.wire.MalformedWireException;

/**
 * A PDU whose {@code rpc_vers}/{@code rpc_vers_minor} is not 5.0 or 5.1. It carries the header fields a host
 * needs to answer a BIND with BIND_NAK reason 4 (spec §2.8) before closing.
 */
final class UnsupportedRpcVersionException extends MalformedWireException {
    private static final long serialVersionUID = 1L;

    private final int ptype;
    private final int callId;

    public UnsupportedRpcVersionException(int major, int minor, int ptype, int callId) {
        super("unsupported rpc version " + major + "." + minor + " (PTYPE " + ptype + ")");
        this.ptype = ptype;
        this.callId = callId;
    }

    /** The raw {@code PTYPE} byte of the refused PDU. */
    public int ptype() {
        return ptype;
    }

    public int callId() {
        return callId;
    }
}
