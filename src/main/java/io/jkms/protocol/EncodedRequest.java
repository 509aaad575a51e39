package io.jkms.protocol;

import io.jkms.wire.Bytes;
import java.util.Objects;

/**
 * A request as the client sent it: the message bytes and what {@link KmsResponseCodec#decodeAndVerify}
 * needs to check the answer.
 *
 * @param message the KMS request message
 * @param request the base request it carries
 * @param requestIv IVc ({@link Bytes#EMPTY} for V4)
 * @param decryptedRequestIv Dc = D_K(IVc) ({@link Bytes#EMPTY} for V4)
 */
public record EncodedRequest(Bytes message, KmsRequest request, Bytes requestIv, Bytes decryptedRequestIv) {
    public EncodedRequest {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(request, "request");
        checkIvs(request.version(), requestIv, decryptedRequestIv);
    }

    /** For a captured exchange: the request bytes and their host-side decoding. */
    public static EncodedRequest of(Bytes message, DecodedRequest decoded) {
        return new EncodedRequest(message, decoded.request(), decoded.requestIv(), decoded.decryptedRequestIv());
    }

    static void checkIvs(ProtocolVersion version, Bytes requestIv, Bytes decryptedRequestIv) {
        Objects.requireNonNull(requestIv, "requestIv");
        Objects.requireNonNull(decryptedRequestIv, "decryptedRequestIv");
        int length = version == ProtocolVersion.V4 ? 0 : KmsCrypto.BLOCK;
        if (requestIv.length() != length || decryptedRequestIv.length() != length) {
            throw new IllegalArgumentException(version + " request IVs must be " + length + " bytes");
        }
    }
}
