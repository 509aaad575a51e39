package io.jkms.wire;

/**
 * Input bytes that do not form the structure being read: too short, a length or count out of range, an
 * unexpected constant. Decoders throw only this (or a subclass) on bad input, never an index or
 * null-pointer exception.
 */
public class MalformedWireException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * {@code HRESULT_FROM_WIN32(ERROR_INVALID_DATA)}, 0x8007000D: what a KMS host answers, in place of a response,
     * to bytes that do not form the structure, be they the RPC request stub or the KMS request message (vlmcsd's
     * answer to both). Defined here, once, because {@code rpc} and {@code protocol} both answer with it and
     * neither may know the other; {@code protocol.Hresult.INVALID_DATA} is this value.
     */
    public static final int HRESULT_INVALID_DATA = 0x8007000D;

    public MalformedWireException(String message) {
        super(message);
    }
}
