package io.jkms.web;

import io.jkms.catalog.Catalog;
import io.jkms.catalog.Product;
import io.jkms.client.HostAddress;
import io.jkms.activation.ActivationEvent;
import io.jkms.activation.HostIdentity;
import io.jkms.activation.IdentitySettings;
import io.jkms.protocol.FileTime;
import io.jkms.protocol.Hresult;
import io.jkms.protocol.KmsRequest;
import io.jkms.protocol.KmsResponse;
import io.jkms.protocol.ProtocolVersion;
import io.jkms.wire.Bytes;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

/** A dashboard over an in-memory registry, a pinned clock and events made up in the test. */
final class Fixtures {
    static final Instant NOW = Instant.parse("2025-03-14T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Catalog CATALOG = Catalog.loadDefault();
    static final String TOKEN = "test-token-0123456789abcdef";

    private Fixtures() {
    }

    static Product product(String name) {
        return CATALOG.find(name).get(0);
    }

    static KmsRequest request(Product p, UUID cmid, String workstation, Instant at) {
        return new KmsRequest(ProtocolVersion.values()[p.protocolVersion() - 4], 0, 2, 43200, p.appId(),
                p.skuId().orElseThrow(), p.kmsId(), cmid, p.requiredClientCount(), FileTime.fromInstant(at),
                new UUID(0, 0), workstation);
    }

    static ActivationEvent activated(Product p, UUID cmid, String workstation, Instant at) {
        KmsRequest request = request(p, cmid, workstation, at);
        KmsResponse response = new KmsResponse(request.version(), "03612-00206-556-123727-03-1033-26100.0000-3082024",
                cmid, request.clientTime(), 50, 120, 10080, Bytes.fromHex("3A1C049600B60076"));
        return new ActivationEvent(at, new InetSocketAddress("192.0.2.7", 50000), Optional.of(request),
                Optional.of(response), 0, "activated", Duration.ofMillis(2));
    }

    static ActivationEvent refused(Product p, UUID cmid, String workstation, Instant at) {
        return new ActivationEvent(at, new InetSocketAddress("192.0.2.8", 50001),
                Optional.of(request(p, cmid, workstation, at)), Optional.empty(), Hresult.KMS_ID_MISMATCH, "refused",
                Duration.ofMillis(1));
    }

    static HostStatus host() {
        HostIdentity identity = HostIdentity.create(IdentitySettings.defaults(), CATALOG, new SplittableRandom(1),
                CLOCK);
        return new HostStatus(List.of(new InetSocketAddress("127.0.0.1", 1688)), () -> 3, identity,
                NOW.minusSeconds(3600), Optional.empty(), "jkms 1.2.3-test");
    }

    static HostStatus host(String publicName) {
        HostStatus h = host();
        return new HostStatus(h.kmsAddresses(), h.openConnections(), h.identity(), h.started(),
                Optional.of(HostAddress.parseName(publicName)), h.version());
    }

    static WebApp app(MemoryRegistry registry, AccessControl access) {
        return app(registry, access, host());
    }

    static WebApp app(MemoryRegistry registry, AccessControl access, HostStatus host) {
        return new WebApp(registry, registry, CATALOG, host, (p, hostPort) -> "slmgr /skms " + hostPort + "\r\n",
                access, () -> new ReadinessProbe.Result(true, "test", NOW), () -> "# metrics\n", CLOCK);
    }
}
