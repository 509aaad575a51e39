package io.jkms.activation;

import io.jkms.protocol.KmsRequest;
import io.jkms.protocol.KmsResponse;
import java.net.SocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One activation request as the host saw it and answered it, for the log, metrics and the registry.
 *
 * @param request  empty when the request could not be decoded
 * @param response empty when the host refused
 * @param hresult  0 when activated, else the HRESULT sent
 */
public record ActivationEvent(Instant at, SocketAddress peer, Optional<KmsRequest> request,
                              Optional<KmsResponse> response, int hresult, String reason, Duration took) {

    public boolean activated() {
        return hresult == 0;
    }
}
