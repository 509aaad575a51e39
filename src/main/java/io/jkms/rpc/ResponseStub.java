package io.jkms.rpc;

import io.jkms.wire.Bytes;
import java.util.Objects;
import java.util.Optional;

/** A decoded response stub: the KMS response (absent for a NULL pointer) and the return value (HRESULT). */
public record ResponseStub(Optional<Bytes> message, int returnValue) {
    public ResponseStub {
        Objects.requireNonNull(message, "message");
    }
}
