package io.jkms.rpc;

import io.jkms.wire.Bytes;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A REQUEST (spec §3.1). {@code objectUuid} is present exactly when {@link Pdu#PFC_OBJECT_UUID} is set in
 * {@code flags}.
 */
public record RequestPdu(int flags, int callId, long allocHint, int contextId, int opnum, Optional<UUID> objectUuid,
                         Bytes stub) implements Pdu {
    public RequestPdu {
        WireChecks.callFields(flags, allocHint, contextId);
        WireChecks.u16(opnum, "opnum");
        Objects.requireNonNull(objectUuid, "objectUuid");
        Objects.requireNonNull(stub, "stub");
        if (objectUuid.isPresent() != ((flags & PFC_OBJECT_UUID) != 0)) {
            throw new IllegalArgumentException("objectUuid must be present exactly when PFC_OBJECT_UUID is set");
        }
    }

    /** An unfragmented request without object UUID, as KMS clients send; alloc_hint = stub length. */
    public static RequestPdu of(int callId, int contextId, Bytes stub) {
        return new RequestPdu(PFC_FIRST_AND_LAST, callId, stub.length(), contextId, 0, Optional.empty(), stub);
    }

    @Override
    public PduType type() {
        return PduType.REQUEST;
    }
}
