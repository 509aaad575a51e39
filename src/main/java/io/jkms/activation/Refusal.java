package io.jkms.activation;

import java.util.Locale;

/** Why the host refused or closed a connection; a small fixed set, fit for a metric label. */
public enum Refusal {
    DENIED, NOT_ALLOWED, PUBLIC_ADDRESS, MAX_CONNECTIONS, MAX_PER_ADDRESS, RATE_LIMITED,
    FRAME_TOO_LARGE, READ_DEADLINE, IDLE, RPC_CLOSE, TOO_MANY_PDUS, ERROR,
    FIRST_BYTE_TIMEOUT, EVICTED_IDLE, WRITE_BACKLOG, WRITE_TIMEOUT, LIFETIME;

    /** The label form, e.g. {@code rate-limited}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
