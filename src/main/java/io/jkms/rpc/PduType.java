package io.jkms.rpc;

import java.util.Optional;

/** The connection-oriented DCE/RPC packet types a KMS host or client sends or receives (spec §1.3). */
public enum PduType {
    REQUEST(0),
    RESPONSE(2),
    FAULT(3),
    BIND(11),
    BIND_ACK(12),
    BIND_NAK(13),
    ALTER_CONTEXT(14),
    ALTER_CONTEXT_RESP(15);

    private static final PduType[] BY_CODE = new PduType[16];

    static {
        for (PduType type : values()) {
            BY_CODE[type.code] = type;
        }
    }

    private final int code;

    PduType(int code) {
        this.code = code;
    }

    /** The {@code PTYPE} byte on the wire. */
    public int code() {
        return code;
    }

    /** The type for a {@code PTYPE} byte, or empty for codes KMS does not use (AUTH3, SHUTDOWN, …). */
    public static Optional<PduType> of(int code) {
        return code >= 0 && code < BY_CODE.length ? Optional.ofNullable(BY_CODE[code]) : Optional.empty();
    }
}
