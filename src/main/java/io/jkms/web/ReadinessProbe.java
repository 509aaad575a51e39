package io.jkms.web;

import io.jkms.catalog.Catalog;
import io.jkms.catalog.Family;
import io.jkms.catalog.Product;
import io.jkms.client.ActivationResult;
import io.jkms.client.ClientException;
import io.jkms.client.ClientOptions;
import io.jkms.client.HostAddress;
import io.jkms.client.KmsClient;
import io.jkms.client.SourceListener;
import io.jkms.activation.ActivationListener;
import io.jkms.host.ProbeAdmission;
import io.jkms.protocol.FileTime;
import io.jkms.protocol.Hresult;
import io.jkms.protocol.KmsRequest;
import io.jkms.protocol.ProtocolVersion;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * {@code /readyz}: the host is ready when a real activation through its own KMS port, over loopback, succeeds.
 * The result is kept for {@code ttl}, so that a busy prober costs one activation per period. The probe's client
 * machine ID is fixed, and {@link #skippingProbes} keeps probes out of metrics and the registry.
 */
public final class ReadinessProbe {
    /** The CMID every probe sends (ASCII "jkms-readyz" in the last bytes). */
    public static final UUID CMID = UUID.fromString("00000000-0000-4000-8000-6a6b6d737264");
    static final String WORKSTATION = "jkms-readyz";

    private final InetSocketAddress target;
    private final Product product;
    private final Clock clock;
    private final Duration ttl;
    private final RandomGenerator random;
    private final SourceListener source;
    private Result last;

    /** The outcome of one probe. */
    public record Result(boolean ready, String detail, Instant at) {
    }

    /**
     * @param admission where the probe announces its source port before connecting, so that the host's access policy
     *                  (which may leave loopback out, as SECURITY.md recommends) lets the probe and only the probe in
     */
    public ReadinessProbe(InetSocketAddress kmsAddress, Catalog catalog, Clock clock, Duration ttl,
                          RandomGenerator random, ProbeAdmission admission) {
        this.source = new SourceListener() {
            @Override
            public void bound(InetSocketAddress local) {
                admission.expect(local);
            }

            @Override
            public void released(InetSocketAddress local) {
                admission.withdraw(local);
            }
        };
        this.target = loopback(kmsAddress);
        this.product = probeProduct(catalog);
        this.clock = clock;
        this.ttl = ttl;
        this.random = random;
    }

    /** The host's own address as a client reaches it: a wildcard address becomes loopback of the same family. */
    static InetSocketAddress loopback(InetSocketAddress bound) {
        InetAddress address = bound.getAddress();
        if (address != null && address.isAnyLocalAddress()) {
            byte[] raw = address.getAddress();
            byte[] lo = new byte[raw.length];
            if (raw.length == 4) {
                lo[0] = 127;
            }
            lo[lo.length - 1] = 1;
            try {
                return new InetSocketAddress(InetAddress.getByAddress(lo), bound.getPort());
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return bound;
    }

    static String hostPort(InetSocketAddress address) {
        return new HostAddress(address.getAddress().getHostAddress(), address.getPort()).toString();
    }

    /** A current Windows client product with a SKU ID (what most real clients are). */
    private static Product probeProduct(Catalog catalog) {
        return catalog.products().stream().filter(p -> p.kmsActivatable() && p.skuId().isPresent()
                        && !p.preview() && !p.retail() && p.family() == Family.WINDOWS_CLIENT
                        && p.protocolVersion() == 6)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the catalog has no product to probe readiness with"));
    }

    /** The cached result while fresh, else a new probe (callers wait for it: call it off the I/O thread). */
    public synchronized Result check() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.at().plus(ttl))) {
            last = probe();
        }
        return last;
    }

    /** The last result without probing, if any. */
    public synchronized java.util.Optional<Result> lastResult() {
        return java.util.Optional.ofNullable(last);
    }

    private Result probe() {
        Instant at = clock.instant();
        ClientOptions options = new ClientOptions(true, true, Duration.ofSeconds(2));
        try (KmsClient client = KmsClient.connect(target, options, random, source)) {
            ActivationResult result = client.activate(request(at));
            return result.activated() ? new Result(true, "activation through " + hostPort(target) + " succeeded", at)
                    : new Result(false, "the host refused the probe: " + Hresult.describe(result.hresult()), at);
        } catch (ClientException e) {
            return new Result(false, e.getMessage(), at);
        }
    }

    private KmsRequest request(Instant now) {
        return new KmsRequest(ProtocolVersion.V6, 0, 2, 43200, product.appId(), product.skuId().orElseThrow(),
                product.kmsId(), CMID, product.requiredClientCount(), FileTime.fromInstant(now), new UUID(0, 0),
                WORKSTATION);
    }

    /** A listener that does not hear the readiness probes. */
    public static ActivationListener skippingProbes(ActivationListener listener) {
        return event -> {
            java.util.Optional<KmsRequest> request = event.request();
            if (request.isEmpty() || !CMID.equals(request.get().cmid())) {
                listener.onActivation(event);
            }
        };
    }
}
