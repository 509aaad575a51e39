package io.jkms.registry;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One client machine for one application: the row of the clients table. */
public record ClientSummary(UUID cmid, UUID appId, String workstation, UUID skuId, UUID kmsId, long licenseStatus,
                            boolean virtualMachine, int protocolMajor, String clientAddress, Instant firstSeen,
                            Instant lastSeen, long requests, Optional<String> epid, int lastHresult) {
}
