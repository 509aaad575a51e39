package io.jkms.client;

import io.jkms.protocol.KmsRequest;
import java.util.List;
import java.util.Objects;

/** One request and its verified answer, with the warnings and notes it raised. */
public record Exchange(KmsRequest request, ActivationResult result, List<Finding> findings) {
    public Exchange {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(result, "result");
        findings = List.copyOf(findings);
    }
}
