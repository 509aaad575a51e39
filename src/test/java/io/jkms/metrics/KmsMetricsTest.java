package io.jkms.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.activation.ActivationEvent;
import io.jkms.catalog.Catalog;
import io.jkms.protocol.Hresult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One counter per label set, whatever the events that share it; labels of a request the host could not read. */
class KmsMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final KmsMetrics metrics = new KmsMetrics(registry, Catalog.loadDefault());

    @Test
    void anUndecodableRequestCountsUnderUnknownFamilyAndProtocolWithItsResult() {
        int hresult = Hresult.INVALID_DATA;
        for (int i = 0; i < 3; i++) {
            metrics.onActivation(new ActivationEvent(Instant.EPOCH, new InetSocketAddress("127.0.0.1", 1),
                    Optional.empty(), Optional.empty(), hresult, "too short", Duration.ofMillis(1)));
        }
        var counters = registry.find("jkms.activations").counters();
        assertThat(counters).hasSize(1);
        var counter = counters.iterator().next();
        assertThat(counter.getId().getTag("family")).isEqualTo("unknown");
        assertThat(counter.getId().getTag("protocol")).isEqualTo("unknown");
        assertThat(counter.getId().getTag("result")).isEqualTo(KmsMetrics.result(hresult));
        assertThat(counter.count()).isEqualTo(3.0);
    }
}
