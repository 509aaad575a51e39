package io.jkms.rpc;

import java.util.List;

/**
 * Answers the context items of one BIND or ALTER_CONTEXT with vlmcsd's algorithm (spec §2.5), refined by the
 * spec's recommendations:
 * <ul>
 *   <li>NDR64 is preferred when enabled and offered for the KMS interface 1.0 in this PDU; the NDR32 item is
 *       then rejected (2,2). vlmcsd switches to NDR64 when any item offers NDR64, whatever its interface.</li>
 *   <li>An item whose only transfer syntax has the BTFN prefix gets negotiate_ack (3, requested &amp; 0x0003)
 *       when BTFN is enabled, else (2,2); its abstract syntax is not looked at (as in vlmcsd).</li>
 *   <li>Any other item: interface other than KMS 1.0 → (2,1) (vlmcsd ignores the version); else the preferred
 *       syntax among the item's transfer syntaxes (several per item are allowed) → (0,0), else (2,2).</li>
 * </ul>
 * Results come in item order, one per item.
 */
final class BindNegotiator {
    private BindNegotiator() {
    }

    static ContextResult[] negotiate(List<ContextItem> items, RpcSettings settings) {
        SyntaxId preferred = settings.ndr64() && offersKmsNdr64(items) ? Syntaxes.NDR64 : Syntaxes.NDR32;
        ContextResult[] results = new ContextResult[items.size()];
        for (int i = 0; i < results.length; i++) {
            results[i] = answer(items.get(i), preferred, settings.btfn());
        }
        return results;
    }

    private static boolean offersKmsNdr64(List<ContextItem> items) {
        for (ContextItem item : items) {
            if (Syntaxes.KMS_INTERFACE.equals(item.abstractSyntax())
                    && item.transferSyntaxes().contains(Syntaxes.NDR64)) {
                return true;
            }
        }
        return false;
    }

    private static ContextResult answer(ContextItem item, SyntaxId preferred, boolean btfn) {
        List<SyntaxId> offered = item.transferSyntaxes();
        if (offered.size() == 1 && Syntaxes.isBtfn(offered.get(0))) {
            int granted = Syntaxes.btfnFeatures(offered.get(0)) & Syntaxes.BTFN_SUPPORTED_FEATURES;
            return btfn
                    ? ContextResult.negotiateAck(granted)
                    : ContextResult.reject(ContextResult.REASON_TRANSFER_SYNTAXES_NOT_SUPPORTED);
        }
        if (!Syntaxes.KMS_INTERFACE.equals(item.abstractSyntax())) {
            return ContextResult.reject(ContextResult.REASON_ABSTRACT_SYNTAX_NOT_SUPPORTED);
        }
        return offered.contains(preferred)
                ? ContextResult.accept(preferred)
                : ContextResult.reject(ContextResult.REASON_TRANSFER_SYNTAXES_NOT_SUPPORTED);
    }
}
