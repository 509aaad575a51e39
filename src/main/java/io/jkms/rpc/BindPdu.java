package io.jkms.rpc;

import java.util.List;

/** A BIND or ALTER_CONTEXT (spec §2.2); both have the same body. */
public record BindPdu(PduType type, int flags, int callId, int maxXmitFrag, int maxRecvFrag, long assocGroupId,
                      List<ContextItem> items) implements Pdu {
    public BindPdu {
        if (type != PduType.BIND && type != PduType.ALTER_CONTEXT) {
            throw new IllegalArgumentException("not a bind type: " + type);
        }
        WireChecks.bindFields(flags, maxXmitFrag, maxRecvFrag, assocGroupId);
        items = List.copyOf(items);
        WireChecks.u8(items.size(), "n_context_elem");
    }
}
