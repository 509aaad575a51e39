package io.jkms.rpc;

import io.jkms.wire.Bytes;
import io.jkms.wire.MalformedWireException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The DCE/RPC state machine of one host connection: pure, no I/O, not thread-safe (one per connection).
 *
 * <p>Behaviour, and where it differs from vlmcsd:
 * <ul>
 *   <li>BIND/ALTER_CONTEXT: results by {@link BindNegotiator}. BIND_ACK flags {@code 0x03 | CONC_MPX of the
 *       BIND}, secondary address = the configured port string; ALTER_CONTEXT_RESP flags 0x03 and an empty
 *       address; the association group given to the constructor in both; call_id echoed; padding zero.</li>
 *   <li>Fragment sizes are negotiated once, by the first BIND or ALTER_CONTEXT: we answer
 *       {@code max_xmit_frag = min(client's max_recv_frag, ours)} and {@code max_recv_frag = min(client's
 *       max_xmit_frag, ours)} (DCE's rule; for Windows' 5840/5840 identical to vlmcsd's echo), each raised to
 *       at least DCE's MustRecvFragSize of 1432, which every DCE receiver must accept: a smaller size would only
 *       serve to split each answer into many tiny fragments (Windows raises it too, to 2048 as Samba measured;
 *       vlmcsd echoes any value and never fragments). A RESPONSE larger than our max_xmit_frag is split into
 *       fragments whose stubs are multiples of 8 bytes, each with alloc_hint = stub bytes still to send; no
 *       KMS answer is that large.</li>
 *   <li>A BIND with no item or more than {@code maxContextsPerBind}: BIND_NAK reason 0 or 2, then close (vlmcsd
 *       closes silently); an ALTER_CONTEXT like that closes. A later BIND is answered like ALTER_CONTEXT but
 *       with a BIND_ACK (as vlmcsd does), contexts accepted earlier stay.</li>
 *   <li>Only contexts that were <em>accepted</em> serve requests (vlmcsd also serves an NDR32 context it
 *       rejected). Other context, or none yet: FAULT nca_s_unk_if, with the request's call_id and context id
 *       (vlmcsd: call_id 2, context 0), flags 0x23, alloc_hint 32; the connection stays. opnum &ne; 0: FAULT
 *       nca_s_op_rng_error (vlmcsd ignores opnum).</li>
 *   <li>A request stub that does not unwrap: RESPONSE with NULL pointer and HRESULT 0x8007000D, as vlmcsd.</li>
 *   <li>REQUEST fragments are reassembled (vlmcsd treats every fragment alone); one call at a time. A
 *       fragment out of sequence, a different call_id/context/opnum, or more than the configured fragments
 *       or stub bytes: close.</li>
 *   <li>Through {@link #onFragment}: rpc version other than 5.0/5.1 on a BIND: BIND_NAK reason 4 ({5.0}) and
 *       close; any other undecodable fragment (drep, auth_length, PTYPE, lengths), a fragment over
 *       {@code maxFragLength}, or a PDU only a host sends: close. vlmcsd validates none of the header.</li>
 * </ul>
 * Every close carries its {@link CloseReason}; after one, every further PDU is answered with close, for the same
 * reason. Faults are decided by throwing {@link RpcFaultException}, by the session or by the operation, and
 * answered in one place.
 */
public final class RpcSession {
    /** FAULT flags: FIRST, LAST, DID_NOT_EXECUTE. */
    static final int FAULT_FLAGS = Pdu.PFC_FIRST_AND_LAST | Pdu.PFC_DID_NOT_EXECUTE;
    /** vlmcsd's FAULT alloc_hint (the PDU length). */
    static final int FAULT_ALLOC_HINT = 32;
    private static final int RESPONSE_HEADER = 24;

    private final RpcSettings settings;
    private final String secondaryAddress;
    private final long assocGroupId;
    private final KmsOperation operation;
    private final ContextTable contexts = new ContextTable();
    private int maxXmitFrag;
    private int maxRecvFrag;
    /** Why the session closed; once set, every further PDU is answered with close for the same reason. */
    private CloseReason closed = CloseReason.NONE;
    private RequestPdu pendingHead;
    private byte[] pendingStub;
    private int pendingLength;
    private int pendingFragments;

    /**
     * @param secondaryAddress the local port as text, e.g. "1688", sent in BIND_ACK
     * @param assocGroupId     non-zero u32, stable for the connection
     */
    public RpcSession(RpcSettings settings, String secondaryAddress, long assocGroupId, KmsOperation operation) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.secondaryAddress = Objects.requireNonNull(secondaryAddress, "secondaryAddress");
        if (secondaryAddress.isEmpty() || !BindAckPdu.isPortSpec(secondaryAddress)) {
            throw new IllegalArgumentException("secondary address must be non-empty printable ASCII");
        }
        if (assocGroupId == 0) {
            throw new IllegalArgumentException("assocGroupId must be non-zero");
        }
        this.assocGroupId = WireChecks.u32(assocGroupId, "assocGroupId");
        this.operation = Objects.requireNonNull(operation, "operation");
    }

    /** Decodes one framed fragment and handles it; undecodable input closes (see the class comment). */
    public SessionReply onFragment(Bytes fragment) {
        if (closed != CloseReason.NONE) {
            return SessionReply.closing(closed);
        }
        if (fragment.length() > settings.maxFragLength()) {
            return close(CloseReason.FRAGMENT_TOO_LARGE);
        }
        Pdu pdu;
        try {
            pdu = PduCodec.decode(fragment);
        } catch (UnsupportedRpcVersionException e) {
            if (e.ptype() == PduType.BIND.code()) {
                return nakAndClose(e.callId(), BindNakPdu.REASON_PROTOCOL_VERSION_NOT_SUPPORTED,
                        CloseReason.UNSUPPORTED_VERSION);
            }
            return close(CloseReason.UNSUPPORTED_VERSION);
        } catch (MalformedWireException e) {
            return close(CloseReason.MALFORMED_PDU);
        }
        return onPdu(pdu);
    }

    /** Handles one decoded PDU. */
    public SessionReply onPdu(Pdu pdu) {
        if (closed != CloseReason.NONE) {
            return SessionReply.closing(closed);
        }
        if (pdu instanceof RequestPdu request) {
            return onRequest(request);
        }
        if (pdu instanceof BindPdu bind) {
            return onBind(bind);
        }
        return close(CloseReason.UNEXPECTED_PDU);
    }

    private SessionReply onBind(BindPdu bind) {
        boolean isBind = bind.type() == PduType.BIND;
        int count = bind.items().size();
        if (count == 0 || count > settings.maxContextsPerBind()) {
            if (!isBind) {
                return close(CloseReason.BIND_REFUSED);
            }
            return nakAndClose(bind.callId(), count == 0
                    ? BindNakPdu.REASON_NOT_SPECIFIED : BindNakPdu.REASON_LOCAL_LIMIT_EXCEEDED, CloseReason.BIND_REFUSED);
        }
        if (maxXmitFrag == 0) {
            maxXmitFrag = Math.max(RpcSettings.MIN_FRAG_LENGTH, Math.min(bind.maxRecvFrag(), settings.maxFragLength()));
            maxRecvFrag = Math.max(RpcSettings.MIN_FRAG_LENGTH, Math.min(bind.maxXmitFrag(), settings.maxFragLength()));
        }
        ContextResult[] results = BindNegotiator.negotiate(bind.items(), settings);
        for (int i = 0; i < results.length; i++) {
            if (results[i].result() == ContextResult.ACCEPTANCE && !contexts.accept(bind.items().get(i).contextId(),
                    Syntaxes.transferSyntaxOf(results[i].transferSyntax()))) {
                results[i] = ContextResult.reject(ContextResult.REASON_LOCAL_LIMIT_EXCEEDED);
            }
        }
        return SessionReply.send(isBind
                ? new BindAckPdu(PduType.BIND_ACK, Pdu.PFC_FIRST_AND_LAST | (bind.flags() & Pdu.PFC_CONC_MPX),
                        bind.callId(), maxXmitFrag, maxRecvFrag, assocGroupId, secondaryAddress, List.of(results))
                : new BindAckPdu(PduType.ALTER_CONTEXT_RESP, Pdu.PFC_FIRST_AND_LAST, bind.callId(), maxXmitFrag,
                        maxRecvFrag, assocGroupId, "", List.of(results)));
    }

    private SessionReply onRequest(RequestPdu request) {
        boolean first = (request.flags() & Pdu.PFC_FIRST_FRAG) != 0;
        boolean last = (request.flags() & Pdu.PFC_LAST_FRAG) != 0;
        int stubLength = request.stub().length();
        if (pendingHead == null) {
            if (!first) {
                return close(CloseReason.FRAGMENT_SEQUENCE);
            }
            if (stubLength > settings.maxRequestStubBytes()) {
                return close(CloseReason.REQUEST_TOO_LARGE);
            }
            if (last) {
                return answer(request, request.stub());
            }
            pendingHead = request;
            pendingStub = request.stub().toArray();
            pendingLength = stubLength;
            pendingFragments = 1;
            return SessionReply.NOTHING;
        }
        if (first || request.callId() != pendingHead.callId() || request.contextId() != pendingHead.contextId()
                || request.opnum() != pendingHead.opnum()) {
            return close(CloseReason.FRAGMENT_SEQUENCE);
        }
        if (++pendingFragments > settings.maxRequestFragments()
                || stubLength > settings.maxRequestStubBytes() - pendingLength) {
            return close(CloseReason.REQUEST_TOO_LARGE);
        }
        if (pendingStub.length < pendingLength + stubLength) {
            pendingStub = Arrays.copyOf(pendingStub, Math.max(pendingLength + stubLength, 2 * pendingStub.length));
        }
        System.arraycopy(request.stub().toArray(), 0, pendingStub, pendingLength, stubLength);
        pendingLength += stubLength;
        if (!last) {
            return SessionReply.NOTHING;
        }
        RequestPdu head = pendingHead;
        Bytes stub = Bytes.of(pendingStub, 0, pendingLength);
        pendingHead = null;
        pendingStub = null;
        return answer(head, stub);
    }

    /** The call's answer: a RESPONSE, or the FAULT that the session or the operation decided on. */
    private SessionReply answer(RequestPdu head, Bytes stub) {
        try {
            return respond(head, call(head, stub));
        } catch (RpcFaultException e) {
            return fault(head, e.status());
        }
    }

    private Bytes call(RequestPdu head, Bytes stub) {
        TransferSyntax syntax = contexts.lookup(head.contextId());
        if (syntax == null) {
            throw new RpcFaultException(RpcFaultException.NCA_UNK_IF);
        }
        if (head.opnum() != 0) {
            throw new RpcFaultException(RpcFaultException.NCA_OP_RNG_ERROR);
        }
        Bytes kmsRequest;
        try {
            kmsRequest = NdrCodec.decodeRequestStub(syntax, stub);
        } catch (MalformedWireException e) {
            return NdrCodec.encodeErrorStub(syntax, MalformedWireException.HRESULT_INVALID_DATA);
        }
        OperationReply reply = operation.call(kmsRequest);
        return reply.message().isPresent()
                ? NdrCodec.encodeResponseStub(syntax, reply.message().get())
                : NdrCodec.encodeErrorStub(syntax, reply.returnValue());
    }

    private SessionReply respond(RequestPdu head, Bytes stub) {
        int total = stub.length();
        if (RESPONSE_HEADER + total <= maxXmitFrag) {
            return SessionReply.send(new ResponsePdu(Pdu.PFC_FIRST_AND_LAST, head.callId(), total, head.contextId(),
                    0, stub));
        }
        int chunk = (maxXmitFrag - RESPONSE_HEADER) & ~7;
        List<Pdu> fragments = new ArrayList<>(total / chunk + 1);
        for (int offset = 0; offset < total; offset += chunk) {
            int end = Math.min(total, offset + chunk);
            int flags = (offset == 0 ? Pdu.PFC_FIRST_FRAG : 0) | (end == total ? Pdu.PFC_LAST_FRAG : 0);
            fragments.add(new ResponsePdu(flags, head.callId(), total - offset, head.contextId(), 0,
                    stub.slice(offset, end)));
        }
        return new SessionReply(fragments, CloseReason.NONE);
    }

    private static SessionReply fault(RequestPdu head, long status) {
        return SessionReply.send(new FaultPdu(FAULT_FLAGS, head.callId(), FAULT_ALLOC_HINT, head.contextId(), 0,
                status));
    }

    private SessionReply nakAndClose(int callId, int reason, CloseReason why) {
        closed = why;
        return new SessionReply(List.of(new BindNakPdu(Pdu.PFC_FIRST_AND_LAST, callId, reason,
                List.of(BindNakPdu.VERSION_5_0))), why);
    }

    private SessionReply close(CloseReason why) {
        closed = why;
        return SessionReply.closing(why);
    }
}
