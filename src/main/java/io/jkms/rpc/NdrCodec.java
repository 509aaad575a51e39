package io.jkms.rpc;

import io.jkms.wire.Bytes;
import io.jkms.wire.MalformedWireException;
import io.jkms.wire.WireReader;
import io.jkms.wire.WireWriter;
import java.util.Optional;

/**
 * The NDR32/NDR64 stubs of the KMS interface's one operation, RequestActivation (opnum 0, spec §3.2 and §3.4).
 * Stateless; decoders throw only {@link MalformedWireException}.
 */
public final class NdrCodec {
    /** The referent ID both reference hosts put into a non-NULL {@code response} pointer. */
    static final long REFERENT_ID = 0x0002_0000L;
    /** Smallest KMS message the stub may carry: its 4-byte version field. */
    static final int MIN_MESSAGE_LENGTH = 4;

    private NdrCodec() {
    }

    /**
     * Host side: the KMS request message inside a request stub. {@code requestSize} must equal the conformant
     * max count, the NDR64 alignment padding must be zero, the count must be at least 4 and that many bytes
     * must follow. Bytes after the message are ignored, as vlmcsd does (py-kms's own client appends 4 zero
     * bytes to a V4 request; spec §3.5 [RECOMMENDATION]).
     */
    public static Bytes decodeRequestStub(TransferSyntax syntax, Bytes stub) {
        WireReader r = WireReader.of(stub);
        long size = r.u32("requestSize");
        if (syntax == TransferSyntax.NDR64) {
            requireZero(r.u32("padding"), "NDR64 padding");
        }
        long count = maxCount(r, syntax);
        if (count != size) {
            throw new MalformedWireException("requestSize " + size + " differs from max count " + count);
        }
        if (count < MIN_MESSAGE_LENGTH || count > r.remaining()) {
            throw new MalformedWireException("request max count " + count + " with " + r.remaining() + " bytes");
        }
        return r.bytes((int) count, "request");
    }

    /** Client side: the request stub for a KMS request message. */
    public static Bytes encodeRequestStub(TransferSyntax syntax, Bytes kmsRequest) {
        int n = kmsRequest.length();
        int prefix = syntax == TransferSyntax.NDR64 ? 16 : 8;
        WireWriter w = new WireWriter(prefix + n).u32(n);
        if (syntax == TransferSyntax.NDR64) {
            w.zeros(4).u64(n);
        } else {
            w.u32(n);
        }
        return w.bytes(kmsRequest).toBytes();
    }

    /** Host side, success: size, non-NULL pointer, conformant array, zero padding to 4, HRESULT 0. */
    static Bytes encodeResponseStub(TransferSyntax syntax, Bytes kmsResponse) {
        int m = kmsResponse.length();
        int padding = padding(m);
        boolean ndr64 = syntax == TransferSyntax.NDR64;
        WireWriter w = new WireWriter((ndr64 ? 24 : 12) + m + padding + 4).u32(m);
        if (ndr64) {
            w.zeros(4).u64(REFERENT_ID).u64(m);
        } else {
            w.u32(REFERENT_ID).u32(m);
        }
        return w.bytes(kmsResponse).zeros(padding).u32(0).toBytes();
    }

    /** Host side, KMS-level failure: size 0, NULL pointer, the HRESULT (12 bytes NDR32, 20 bytes NDR64). */
    static Bytes encodeErrorStub(TransferSyntax syntax, int hresult) {
        if (syntax == TransferSyntax.NDR64) {
            return new WireWriter(20).zeros(16).u32(hresult & 0xFFFF_FFFFL).toBytes();
        }
        return new WireWriter(12).zeros(8).u32(hresult & 0xFFFF_FFFFL).toBytes();
    }

    /**
     * Client side, strict (what vlmcs checks and more): a NULL pointer must come with size 0 and be followed
     * by exactly the HRESULT; a non-NULL pointer needs max count = size, the data, zero padding to 4, the
     * HRESULT and nothing after; NDR64 alignment padding must be zero.
     */
    public static ResponseStub decodeResponseStub(TransferSyntax syntax, Bytes stub) {
        WireReader r = WireReader.of(stub);
        long size = r.u32("responseSize");
        if (syntax == TransferSyntax.NDR64) {
            requireZero(r.u32("padding"), "NDR64 padding");
        }
        long referent = syntax == TransferSyntax.NDR64 ? r.u64("referent ID") : r.u32("referent ID");
        if (referent == 0) {
            if (size != 0) {
                throw new MalformedWireException("NULL response pointer with responseSize " + size);
            }
            int hresult = r.i32("return value");
            r.requireEnd("response stub");
            return new ResponseStub(Optional.empty(), hresult);
        }
        long count = maxCount(r, syntax);
        if (count != size || count > r.remaining()) {
            throw new MalformedWireException("max count " + count + ", responseSize " + size + ", "
                    + r.remaining() + " bytes remain");
        }
        Bytes message = r.bytes((int) count, "response");
        if (!r.bytes(padding((int) count), "padding").isAllZero()) {
            throw new MalformedWireException("response padding not zero");
        }
        int hresult = r.i32("return value");
        r.requireEnd("response stub");
        return new ResponseStub(Optional.of(message), hresult);
    }

    private static long maxCount(WireReader r, TransferSyntax syntax) {
        if (syntax == TransferSyntax.NDR64) {
            return r.u64("max count");
        }
        return r.u32("max count");
    }

    private static void requireZero(long value, String field) {
        if (value != 0) {
            throw new MalformedWireException(field + " is " + value + ", not 0");
        }
    }

    private static int padding(int length) {
        return (4 - length % 4) % 4;
    }
}
