package io.jkms.web;

import io.jkms.dns.DnsPublishStatus;
import io.jkms.client.HostAddress;
import io.jkms.activation.HostIdentity;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * What the dashboard shows about the running host.
 *
 * @param kmsAddresses    the KMS addresses actually bound
 * @param openConnections the KMS connections open now
 * @param publicName      the name and port clients are told to use ({@code --public-name}), if given
 * @param version         what {@code jkms --version} prints, for the page footer
 * @param dns             where publishing the host's SRV record stands
 */
public record HostStatus(List<InetSocketAddress> kmsAddresses, IntSupplier openConnections, HostIdentity identity,
                         Instant started, Optional<HostAddress> publicName, String version,
                         Supplier<DnsPublishStatus> dns) {
    public HostStatus {
        kmsAddresses = List.copyOf(kmsAddresses);
        Objects.requireNonNull(publicName, "publicName");
        Objects.requireNonNull(version, "version");
    }

    /**
     * The {@code host:port} clients should use in scripts: the public name; else the KMS address when it is a
     * specific, non-loopback one; else none (a loopback or wildcard address would point a client at itself).
     */
    public Optional<String> clientHostPort() {
        if (publicName.isPresent()) {
            return publicName.map(HostAddress::toString);
        }
        return kmsAddresses.stream().findFirst().filter(a -> a.getAddress() != null
                        && !a.getAddress().isAnyLocalAddress() && !a.getAddress().isLoopbackAddress())
                .map(a -> new HostAddress(a.getAddress().getHostAddress(), a.getPort()).toString());
    }

    /** A host that publishes nothing in DNS. */
    public HostStatus(List<InetSocketAddress> kmsAddresses, IntSupplier openConnections, HostIdentity identity,
                      Instant started, Optional<HostAddress> publicName, String version) {
        this(kmsAddresses, openConnections, identity, started, publicName, version, () -> DnsPublishStatus.OFF);
    }
}
