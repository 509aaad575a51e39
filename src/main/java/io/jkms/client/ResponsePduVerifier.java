package io.jkms.client;

import io.jkms.rpc.FaultPdu;
import io.jkms.rpc.Pdu;
import io.jkms.rpc.PduType;
import io.jkms.rpc.RequestPdu;
import io.jkms.rpc.ResponsePdu;
import io.jkms.wire.Bytes;

/**
 * Verifies the host's answer to one unfragmented REQUEST as strictly as vlmcs (spec §3.3, §5.3) and returns its
 * stub, to be read with {@link NdrCodec#decodeResponseStub}. A FAULT becomes {@link RpcFaultReceivedException}
 * (its call_id is not checked: vlmcsd always sends 2). A RESPONSE must have flags exactly 0x03 (FIRST|LAST, no
 * CONC_MPX), the request's call_id (or Wine's 1, as vlmcs tolerates), the request's p_cont_id, cancel_count 0
 * and alloc_hint = stub length (vlmcs only warns on that last one). Fragmented responses are not handled: KMS
 * clients offer 5840-byte fragments and no KMS response comes near that.
 */
public final class ResponsePduVerifier {
    private ResponsePduVerifier() {
    }

    public static Bytes verify(RequestPdu sent, Pdu received) {
        if (received instanceof FaultPdu fault) {
            throw new RpcFaultReceivedException(fault.status(), fault.callId());
        }
        if (!(received instanceof ResponsePdu response)) {
            throw new RpcVerificationException("PTYPE", PduType.RESPONSE, received.type());
        }
        BindAckVerifier.checkCallId(sent.callId(), response.callId());
        if (response.flags() != Pdu.PFC_FIRST_AND_LAST) {
            throw new RpcVerificationException("pfc_flags", BindAckVerifier.hex(Pdu.PFC_FIRST_AND_LAST),
                    BindAckVerifier.hex(response.flags()));
        }
        if (response.contextId() != sent.contextId()) {
            throw new RpcVerificationException("p_cont_id", sent.contextId(), response.contextId());
        }
        if (response.cancelCount() != 0) {
            throw new RpcVerificationException("cancel_count", 0, response.cancelCount());
        }
        if (response.allocHint() != response.stub().length()) {
            throw new RpcVerificationException("alloc_hint", response.stub().length(), response.allocHint());
        }
        return response.stub();
    }
}
