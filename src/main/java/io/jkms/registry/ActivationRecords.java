package io.jkms.registry;

import io.jkms.activation.ActivationEvent;
import io.jkms.protocol.KmsRequest;
import io.jkms.protocol.KmsResponse;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Optional;
import java.util.UUID;

/** Turns what the host saw into what the registry keeps. */
final class ActivationRecords {
    private ActivationRecords() {
    }

    /** The record of an event, or empty when the request could not be decoded (no machine to record). */
    static Optional<ActivationRecord> of(ActivationEvent event, UUID eventId) {
        if (event.request().isEmpty()) {
            return Optional.empty();
        }
        KmsRequest request = event.request().get();
        return Optional.of(new ActivationRecord(eventId, event.at(), request.cmid(), request.appId(),
                request.skuId(), request.kmsId(), request.workstationName(), request.licenseStatus(),
                request.vmInfo() != 0, request.version().major(), address(event.peer()),
                event.response().map(KmsResponse::epid), event.hresult(), event.took()));
    }

    /** The peer's IP address without the port: the same machine reconnects from many ports. */
    static String address(SocketAddress peer) {
        if (peer instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return String.valueOf(peer);
    }
}
