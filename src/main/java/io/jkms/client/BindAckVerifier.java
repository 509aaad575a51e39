package io.jkms.client;

import io.jkms.rpc.BindAckPdu;
import io.jkms.rpc.BindPdu;
import io.jkms.rpc.ContextItem;
import io.jkms.rpc.ContextResult;
import io.jkms.rpc.Pdu;
import io.jkms.rpc.PduType;
import io.jkms.rpc.SyntaxId;
import io.jkms.rpc.Syntaxes;
import java.util.List;
import java.util.OptionalInt;

/**
 * Verifies a host's BIND_ACK/ALTER_CONTEXT_RESP as strictly as vlmcs (spec §2.4, §5.3). Header fields that
 * {@link PduCodec#decode} already enforces (rpc version 5.0, drep, auth_length) are not repeated.
 *
 * <p>Choices: a call_id of 1 is accepted whatever was sent, as vlmcs does for Wine's RPC (spec §10.24);
 * flags must be exactly {@code 0x03 | CONC_MPX of the BIND} for BIND_ACK and {@code 0x03} for
 * ALTER_CONTEXT_RESP; a negotiate_ack may grant a subset of the features offered; a rejected item must carry
 * reason 2 and the zero syntax; the secondary address, the association group and the fragment sizes are not
 * checked (vlmcs does not either).
 */
public final class BindAckVerifier {
    /** The call_id Wine's RPC answers with; tolerated. */
    public static final int WINE_CALL_ID = 1;

    private BindAckVerifier() {
    }

    /** As {@link #verify(BindPdu, BindAckPdu)}, after checking the PTYPE of any received PDU. */
    public static NegotiatedContexts verify(BindPdu sent, Pdu received) {
        PduType expected = expectedType(sent);
        if (received.type() != expected) {
            throw new RpcVerificationException("PTYPE", expected, received.type());
        }
        return verify(sent, (BindAckPdu) received);
    }

    public static NegotiatedContexts verify(BindPdu sent, BindAckPdu received) {
        PduType expected = expectedType(sent);
        if (received.type() != expected) {
            throw new RpcVerificationException("PTYPE", expected, received.type());
        }
        checkCallId(sent.callId(), received.callId());
        int flags = Pdu.PFC_FIRST_AND_LAST | (expected == PduType.BIND_ACK ? sent.flags() & Pdu.PFC_CONC_MPX : 0);
        if (received.flags() != flags) {
            throw new RpcVerificationException("pfc_flags", hex(flags), hex(received.flags()));
        }
        List<ContextItem> items = sent.items();
        List<ContextResult> results = received.results();
        if (results.size() != items.size()) {
            throw new RpcVerificationException("n_results", items.size(), results.size());
        }
        OptionalInt ndr32 = OptionalInt.empty();
        OptionalInt ndr64 = OptionalInt.empty();
        int btfn = 0;
        for (int i = 0; i < items.size(); i++) {
            ContextItem item = items.get(i);
            ContextResult result = results.get(i);
            if (checkResult("results[" + i + "]", item, result)) {
                btfn = result.reason();
            } else if (result.result() == ContextResult.ACCEPTANCE) {
                if (Syntaxes.NDR32.equals(result.transferSyntax())) {
                    ndr32 = OptionalInt.of(item.contextId());
                } else if (Syntaxes.NDR64.equals(result.transferSyntax())) {
                    ndr64 = OptionalInt.of(item.contextId());
                }
            }
        }
        if (ndr32.isEmpty() && ndr64.isEmpty()) {
            throw new RpcVerificationException("results", "NDR32 or NDR64 accepted", "neither accepted");
        }
        return new NegotiatedContexts(ndr32, ndr64, btfn);
    }

    /** Checks one result against its item; true when it is a valid negotiate_ack. */
    private static boolean checkResult(String field, ContextItem item, ContextResult result) {
        List<SyntaxId> offered = item.transferSyntaxes();
        boolean btfnItem = offered.size() == 1 && Syntaxes.isBtfn(offered.get(0));
        switch (result.result()) {
            case ContextResult.ACCEPTANCE -> {
                if (btfnItem) {
                    throw new RpcVerificationException(field + ".result", "negotiate_ack or provider_rejection",
                            "acceptance");
                }
                expectReason(field, ContextResult.REASON_NOT_SPECIFIED, result);
                if (!offered.contains(result.transferSyntax())) {
                    throw new RpcVerificationException(field + ".transfer_syntax", "one of " + offered,
                            result.transferSyntax());
                }
                return false;
            }
            case ContextResult.PROVIDER_REJECTION -> {
                expectReason(field, ContextResult.REASON_TRANSFER_SYNTAXES_NOT_SUPPORTED, result);
                expectNoSyntax(field, result);
                return false;
            }
            case ContextResult.NEGOTIATE_ACK -> {
                if (!btfnItem) {
                    throw new RpcVerificationException(field + ".result", "acceptance or provider_rejection",
                            "negotiate_ack");
                }
                int asked = Syntaxes.btfnFeatures(offered.get(0));
                if ((result.reason() & ~asked) != 0) {
                    throw new RpcVerificationException(field + ".reason", "features within " + hex(asked),
                            hex(result.reason()));
                }
                expectNoSyntax(field, result);
                return true;
            }
            default -> throw new RpcVerificationException(field + ".result", "0, 2 or 3", result.result());
        }
    }

    private static void expectReason(String field, int reason, ContextResult result) {
        if (result.reason() != reason) {
            throw new RpcVerificationException(field + ".reason", reason, result.reason());
        }
    }

    private static void expectNoSyntax(String field, ContextResult result) {
        if (!SyntaxId.NONE.equals(result.transferSyntax())) {
            throw new RpcVerificationException(field + ".transfer_syntax", SyntaxId.NONE, result.transferSyntax());
        }
    }

    static void checkCallId(int sent, int received) {
        if (received != sent && received != WINE_CALL_ID) {
            throw new RpcVerificationException("call_id", Integer.toUnsignedString(sent),
                    Integer.toUnsignedString(received));
        }
    }

    private static PduType expectedType(BindPdu sent) {
        return sent.type() == PduType.BIND ? PduType.BIND_ACK : PduType.ALTER_CONTEXT_RESP;
    }

    static String hex(int value) {
        return String.format("0x%02X", value);
    }
}
