package io.jkms.client;

/** Why an activation attempt did not produce a verified answer; the kind decides the exit code. */
public final class ClientException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, from the user's point of view. */
    public enum Kind {
        /** No TCP connection could be made (refused, unreachable, name unknown, connect timeout). */
        UNREACHABLE,
        /** Connected, but the RPC exchange failed: closed, stalled, BIND_NAK, FAULT, malformed PDU. */
        RPC,
        /** An answer came, but it fails a check Windows makes (MAC, HMAC, echoes, ePID, sizes). */
        VERIFICATION
    }

    private final Kind kind;

    public ClientException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ClientException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
