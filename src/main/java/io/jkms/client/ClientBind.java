package io.jkms.client;

import io.jkms.rpc.BindPdu;
import io.jkms.rpc.ContextItem;
import io.jkms.rpc.Pdu;
import io.jkms.rpc.PduType;
import io.jkms.rpc.Syntaxes;
import java.util.ArrayList;
import java.util.List;

/** The BIND and ALTER_CONTEXT a Windows client (and vlmcs) sends (spec §2.7). */
public final class ClientBind {
    /** FIRST | LAST | CONC_MPX. */
    public static final int FLAGS = Pdu.PFC_FIRST_AND_LAST | Pdu.PFC_CONC_MPX;
    /** The fragment size Windows offers both ways. */
    public static final int MAX_FRAG = 5840;
    /** The BTFN bitmask Windows offers: security-context multiplexing and keep connection on orphan. */
    public static final int BTFN_FEATURES = 0x0003;

    private ClientBind() {
    }

    /** Context 0 NDR32; then NDR64 if asked; then BTFN 0x03 if asked; flags 0x13, 5840/5840, assoc group 0. */
    public static BindPdu create(boolean ndr64, boolean btfn, int callId) {
        List<ContextItem> items = new ArrayList<>(3);
        items.add(ContextItem.of(0, Syntaxes.KMS_INTERFACE, Syntaxes.NDR32));
        if (ndr64) {
            items.add(ContextItem.of(items.size(), Syntaxes.KMS_INTERFACE, Syntaxes.NDR64));
        }
        if (btfn) {
            items.add(ContextItem.of(items.size(), Syntaxes.KMS_INTERFACE, Syntaxes.btfn(BTFN_FEATURES)));
        }
        return new BindPdu(PduType.BIND, FLAGS, callId, MAX_FRAG, MAX_FRAG, 0, items);
    }

    /** The ALTER_CONTEXT sent when the BIND_ACK rejected NDR32: context 0, NDR32, CONC_MPX kept (as vlmcs). */
    public static BindPdu alterToNdr32(int callId) {
        return new BindPdu(PduType.ALTER_CONTEXT, FLAGS, callId, MAX_FRAG, MAX_FRAG, 0,
                List.of(ContextItem.of(0, Syntaxes.KMS_INTERFACE, Syntaxes.NDR32)));
    }
}
