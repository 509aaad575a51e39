package io.jkms.client;

import io.jkms.protocol.KmsResponseCodec;
import io.jkms.protocol.ResponseVerificationException;
import io.jkms.rpc.BindPdu;
import io.jkms.rpc.NdrCodec;
import io.jkms.rpc.PduCodec;
import io.jkms.rpc.ResponseStub;
import io.jkms.rpc.TransferSyntax;
import io.jkms.wire.Bytes;
import io.jkms.wire.MalformedWireException;
import java.nio.ByteBuffer;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The load generator's checks of one answer held in a little-endian buffer from index 0: the cheap one every
 * answer gets (PDU type, length, HRESULT), and the full client verification.
 */
final class AnswerChecks {
    static final int PTYPE_RESPONSE = 2;
    static final int PTYPE_FAULT = 3;
    static final int PTYPE_BIND_ACK = 12;
    /** Header, alloc_hint/context/cancel, and the 12-byte NULL-pointer stub: nothing shorter is an answer. */
    private static final int MIN_RESPONSE = 24 + 12;
    private static final BindPdu BIND = ClientBind.create(false, true, RequestPool.CALL_ID);

    private AnswerChecks() {
    }

    /** The cheap check of a complete answer to a REQUEST: empty when it is a RESPONSE with HRESULT 0. */
    static Optional<LoadError> cheap(ByteBuffer in, int length) {
        int ptype = in.get(2) & 0xFF;
        if (ptype != PTYPE_RESPONSE) {
            return Optional.of(ptype == PTYPE_FAULT ? LoadError.FAULT : LoadError.BAD_PTYPE);
        }
        if (length < MIN_RESPONSE || in.getInt(length - 4) != 0) {
            return Optional.of(LoadError.KMS_ERROR);
        }
        return Optional.empty();
    }

    /** Everything {@link KmsClient} checks: RPC header and call, NDR stub, the KMS response against the request. */
    static boolean verifies(ByteBuffer in, int length, RequestPool.Entry sent) {
        try {
            Bytes stub = ResponsePduVerifier.verify(sent.request(), PduCodec.decode(bytes(in, length)));
            ResponseStub result = NdrCodec.decodeResponseStub(TransferSyntax.NDR32, stub);
            KmsResponseCodec.decodeAndVerify(result.message().orElseThrow(), sent.encoded());
            return true;
        } catch (ResponseVerificationException | RpcVerificationException | RpcFaultReceivedException
                 | MalformedWireException | NoSuchElementException e) {
            return false;
        }
    }

    /** A BIND_ACK to the pool's bind, checked as {@link KmsClient} checks it. */
    static boolean bindVerifies(ByteBuffer in, int length) {
        try {
            BindAckVerifier.verify(BIND, PduCodec.decode(bytes(in, length)));
            return true;
        } catch (RpcVerificationException | MalformedWireException | ClassCastException e) {
            return false;
        }
    }

    private static Bytes bytes(ByteBuffer in, int length) {
        byte[] b = new byte[length];
        in.get(0, b);
        return Bytes.of(b);
    }
}
