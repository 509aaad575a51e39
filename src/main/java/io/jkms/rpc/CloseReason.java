package io.jkms.rpc;

import java.util.Locale;

/**
 * Why {@link RpcSession} ends the connection, carried by its {@link SessionReply} to the host's log line and
 * metric label: a small fixed set, so that it can be a label.
 */
public enum CloseReason {
    /** The connection stays open. */
    NONE,
    /** A fragment that does not decode as a DCE/RPC PDU (drep, auth_length, PTYPE, lengths, counts). */
    MALFORMED_PDU,
    /** An rpc version other than 5.0/5.1 (a BIND gets a BIND_NAK first). */
    UNSUPPORTED_VERSION,
    /** A fragment over the configured maximum. */
    FRAGMENT_TOO_LARGE,
    /** A PDU only a host sends (BIND_ACK, RESPONSE, FAULT, …). */
    UNEXPECTED_PDU,
    /** A BIND or ALTER_CONTEXT with no context item or more than allowed (a BIND gets a BIND_NAK first). */
    BIND_REFUSED,
    /** A REQUEST fragment out of sequence, or of another call, context or opnum than the one being assembled. */
    FRAGMENT_SEQUENCE,
    /** A request over the configured stub bytes or fragments. */
    REQUEST_TOO_LARGE;

    /** The label form, e.g. {@code malformed_pdu} (as the other RPC problem details). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
