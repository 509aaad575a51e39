package io.jkms.web;

import io.jkms.host.HostIdentity;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * What the dashboard shows about the running host.
 *
 * @param kmsAddresses    the KMS addresses actually bound
 * @param openConnections the KMS connections open now
 */
public record HostStatus(List<InetSocketAddress> kmsAddresses, IntSupplier openConnections, HostIdentity identity,
                         Instant started) {
    public HostStatus {
        kmsAddresses = List.copyOf(kmsAddresses);
    }
}
