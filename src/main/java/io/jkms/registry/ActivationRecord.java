package io.jkms.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One activation request as the registry keeps it. {@code eventId} is unique per request, so that a
 * record written twice (a retried batch) is stored once.
 *
 * @param epid    the ePID the host answered with; empty when refused
 * @param hresult 0 when activated, else the HRESULT sent
 */
public record ActivationRecord(UUID eventId, Instant at, UUID cmid, UUID appId, UUID skuId, UUID kmsId,
                               String workstation, long licenseStatus, boolean virtualMachine, int protocolMajor,
                               String clientAddress, Optional<String> epid, int hresult, Duration took) {
    public boolean activated() {
        return hresult == 0;
    }
}
