package io.jkms.web;

import io.jkms.dns.DnsPublishStatus;
import io.jkms.host.HostIdentity;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * What the dashboard shows about the running host.
 *
 * @param kmsAddresses    the KMS addresses actually bound
 * @param openConnections the KMS connections open now
 * @param dns             where publishing the host's SRV record stands
 */
public record HostStatus(List<InetSocketAddress> kmsAddresses, IntSupplier openConnections, HostIdentity identity,
                         Instant started, Supplier<DnsPublishStatus> dns) {
    public HostStatus {
        kmsAddresses = List.copyOf(kmsAddresses);
    }

    /** A host that publishes nothing in DNS. */
    public HostStatus(List<InetSocketAddress> kmsAddresses, IntSupplier openConnections, HostIdentity identity,
                      Instant started) {
        this(kmsAddresses, openConnections, identity, started, () -> DnsPublishStatus.OFF);
    }
}
