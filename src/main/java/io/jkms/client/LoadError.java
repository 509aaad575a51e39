package io.jkms.client;

/** Why one activation of a load run failed (the kinds kmsload counts, plus full-verification failures). */
public enum LoadError {
    /** connect() failed. */
    CONNECT,
    /** The host closed the connection before the answer was complete. */
    CLOSED,
    /** No complete answer within the timeout. */
    TIMEOUT,
    /** The answer to the bind was not a BIND_ACK (or did not verify). */
    SETUP,
    /** A FAULT instead of a RESPONSE. */
    FAULT,
    /** Another PDU type. */
    BAD_PTYPE,
    /** A RESPONSE carrying an error HRESULT. */
    KMS_ERROR,
    /** A RESPONSE that failed the full client verification. */
    VERIFICATION,
    /** Bytes that are not a PDU, or an I/O error. */
    PROTO
}
