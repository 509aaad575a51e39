package io.jkms.client;

import io.jkms.protocol.KmsResponse;
import io.jkms.rpc.TransferSyntax;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The verified outcome of one activation request.
 *
 * @param response present when the host activated (every check passed)
 * @param hresult  0 when activated, else the HRESULT the host refused with
 * @param syntax   the NDR syntax the request travelled in
 * @param findings what the answer's encoding showed that Windows accepts but a genuine host would not send
 */
public record ActivationResult(Optional<KmsResponse> response, int hresult, TransferSyntax syntax, Duration latency,
                               List<Finding> findings) {
    public ActivationResult {
        findings = List.copyOf(findings);
    }

    public boolean activated() {
        return hresult == 0;
    }
}
