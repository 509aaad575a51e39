package io.jkms.client;

/** How an activation attempt ended, from the user's point of view, in the order of how far it got. */
public enum Outcome {
    ACTIVATED("activated"),
    /** No TCP connection (refused, unreachable, unknown name, connect timeout, DNS lookup failed). */
    UNREACHABLE("host unreachable"),
    /** Connected, but the RPC exchange failed: closed, stalled, BIND_NAK, FAULT, malformed PDU. */
    RPC("RPC/protocol error"),
    /** An answer came that fails a check Windows makes (or a stricter one of ours). */
    VERIFICATION("verification failed"),
    /** The host answered with an HRESULT instead of an activation. */
    REFUSED("activation refused"),
    /** A verified answer whose count is below the product's N policy: Windows fails with 0xC004F038. */
    NOT_ENOUGH_CLIENTS("count below the N policy");

    private final String description;

    Outcome(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    static Outcome of(ClientException.Kind kind) {
        return switch (kind) {
            case UNREACHABLE -> UNREACHABLE;
            case RPC -> RPC;
            case VERIFICATION -> VERIFICATION;
        };
    }
}
