package io.jkms.rpc;

import io.jkms.wire.Bytes;
import java.util.Objects;
import java.util.Optional;

/**
 * What the host's {@link KmsOperation} answers: a KMS response with return value 0, or no message and a
 * non-zero HRESULT (sent as a RESPONSE with a NULL pointer, never as a FAULT).
 */
public record OperationReply(Optional<Bytes> message, int returnValue) {
    public OperationReply {
        Objects.requireNonNull(message, "message");
        if (message.isPresent() != (returnValue == 0)) {
            throw new IllegalArgumentException("a message goes with return value 0, an error with a non-zero HRESULT");
        }
    }

    public static OperationReply success(Bytes kmsResponse) {
        return new OperationReply(Optional.of(kmsResponse), 0);
    }

    public static OperationReply error(int hresult) {
        return new OperationReply(Optional.empty(), hresult);
    }
}
