package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.ref.WeakReference;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} stays live after garbage collections, and says what {@code /api/health} says: every gauge
 * has a value, the registry's counters are the health page's counts and go on counting.
 */
@Tag("network")
class MetricsAfterGcTest {
    private final DashboardClients clients = DashboardClients.create();
    private final ObjectMapper json = new ObjectMapper();

    /** Runs the collector until an object only weakly held is gone (what a gauge held weakly suffers). */
    static void collectGarbage() {
        WeakReference<Object> canary = new WeakReference<>(new Object());
        for (int i = 0; i < 20 && canary.get() != null; i++) {
            byte[][] garbage = new byte[64][];
            for (int j = 0; j < garbage.length; j++) {
                garbage[j] = new byte[64 * 1024];
            }
            assertThat(garbage[63]).hasSize(64 * 1024);
            System.gc();
        }
        assertThat(canary.get()).as("a collection cleared weak references").isNull();
    }

    private String scrape(InetSocketAddress web) throws Exception {
        return clients.get(web, "/metrics").body();
    }

    private JsonNode health(InetSocketAddress web) throws Exception {
        return json.readTree(clients.get(web, "/api/health").body());
    }

    @Test
    void gaugesAndTheFlushTimerStayLiveAfterGarbageCollection() throws Exception {
        try (TestHost host = TestHost.start("web", "127.0.0.1:0")) {
            InetSocketAddress web = host.host.web().orElseThrow().address();
            DashboardClients.activate(host.address(), DashboardClients.WIN10, "gc-a", "gc-b");
            host.host.registry().writer().flush().get(1, TimeUnit.MINUTES);
            collectGarbage();
            String first = scrape(web);
            JsonNode health = health(web);
            assertThat(DashboardEndToEndTest.metric(first, "jkms_connections_open", "")).isNotNaN();
            assertThat(DashboardEndToEndTest.metric(first, "jkms_registry_queue_depth", ""))
                    .isEqualTo(health.at("/registry/queueDepth").asDouble());
            double flushes = DashboardEndToEndTest.metric(first, "jkms_registry_flush_seconds_count", "");
            assertThat(flushes).isEqualTo(health.at("/registry/flushes").asDouble()).isPositive();

            DashboardClients.activate(host.address(), DashboardClients.WIN10, "gc-c");
            host.host.registry().writer().flush().get(1, TimeUnit.MINUTES);
            collectGarbage();
            String second = scrape(web);
            assertThat(DashboardEndToEndTest.metric(second, "jkms_registry_flush_seconds_count", ""))
                    .as("the flush count goes on after a GC").isGreaterThan(flushes)
                    .isEqualTo(health(web).at("/registry/flushes").asDouble());
            JsonNode after = health(web);
            assertThat(DashboardEndToEndTest.metric(second, "jkms_registry_lag_seconds", "")).isNotNaN();
            assertThat(DashboardEndToEndTest.metric(second, "jkms_registry_write_failures_total", ""))
                    .isEqualTo(after.at("/registry/writeFailures").asDouble());
            assertThat(DashboardEndToEndTest.metric(second, "jkms_registry_writer_restarts_total", ""))
                    .isEqualTo(after.at("/registry/writerRestarts").asDouble());
            assertThat(DashboardEndToEndTest.metric(second, "jkms_registry_degraded", "")).isZero();
            assertThat(after.at("/status").asText()).isEqualTo("ok");
            assertThat(second).contains("jkms_connections_open ", "jkms_registry_queue_depth ",
                    "jkms_registry_lag_seconds ", "jkms_registry_dropped_total ", "jkms_registry_write_failures_total ",
                    "jkms_registry_writer_restarts_total ", "jkms_registry_degraded ").doesNotContain("NaN");
        }
    }

    @Test
    void theDroppedCounterIsTheHealthPagesDropCountAfterGarbageCollection(@TempDir Path dir) throws Exception {
        Path notADirectory = dir.resolve("data");
        Files.writeString(notADirectory, "a file where the data directory should be");
        // While the registry cannot open, records wait in the queue (the smallest allowed, 100) and the rest drop.
        try (TestHost host = TestHost.start("web", "127.0.0.1:0", "data-dir", notADirectory.toString(),
                "registry-queue", "100")) {
            InetSocketAddress web = host.host.web().orElseThrow().address();
            DashboardClients.activate(host.address(), DashboardClients.WIN10,
                    java.util.stream.IntStream.range(0, 103).mapToObj(i -> "lost-" + i).toArray(String[]::new));
            collectGarbage();
            String scrape = scrape(web);
            JsonNode health = health(web);
            assertThat(health.at("/registry/dropped").asLong()).isEqualTo(3);
            assertThat(DashboardEndToEndTest.metric(scrape, "jkms_registry_dropped_total", "")).isEqualTo(3.0);
            assertThat(health.at("/status").asText()).isEqualTo("degraded");
            assertThat(DashboardEndToEndTest.metric(scrape, "jkms_registry_degraded", "")).isEqualTo(1.0);
        }
    }
}
