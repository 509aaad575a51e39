package io.jkms.rpc;

import java.util.List;
import java.util.Objects;

/**
 * A BIND_ACK or ALTER_CONTEXT_RESP (spec §2.3). {@code secondaryAddress} is the port string without its
 * terminating NUL; empty means {@code sec_addr.length = 0}.
 */
public record BindAckPdu(PduType type, int flags, int callId, int maxXmitFrag, int maxRecvFrag, long assocGroupId,
                         String secondaryAddress, List<ContextResult> results) implements Pdu {
    public BindAckPdu {
        if (type != PduType.BIND_ACK && type != PduType.ALTER_CONTEXT_RESP) {
            throw new IllegalArgumentException("not a bind answer type: " + type);
        }
        WireChecks.bindFields(flags, maxXmitFrag, maxRecvFrag, assocGroupId);
        Objects.requireNonNull(secondaryAddress, "secondaryAddress");
        if (!isPortSpec(secondaryAddress)) {
            throw new IllegalArgumentException("secondary address must be printable ASCII, at most 254 chars");
        }
        results = List.copyOf(results);
        WireChecks.u8(results.size(), "n_results");
    }

    /** Printable ASCII, no NUL, short enough that its length with the NUL fits the u16 (kept far lower). */
    static boolean isPortSpec(String s) {
        if (s.length() > 254) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
