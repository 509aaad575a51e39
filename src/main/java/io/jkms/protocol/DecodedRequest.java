package io.jkms.protocol;

import io.jkms.wire.Bytes;
import java.util.Objects;

/**
 * A request as the host decoded it, with what the response encoder needs besides the fields.
 *
 * @param request the base request
 * @param requestIv IVc, the request's 16-byte IV ({@link Bytes#EMPTY} for V4)
 * @param decryptedRequestIv Dc = D_K(IVc) ({@link Bytes#EMPTY} for V4)
 */
public record DecodedRequest(KmsRequest request, Bytes requestIv, Bytes decryptedRequestIv) {
    public DecodedRequest {
        Objects.requireNonNull(request, "request");
        EncodedRequest.checkIvs(request.version(), requestIv, decryptedRequestIv);
    }
}
