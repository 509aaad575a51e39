package io.jkms.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.client.ClientOptions;
import io.jkms.client.KmsClient;
import io.jkms.protocol.FileTime;
import io.jkms.protocol.KmsRequest;
import io.jkms.protocol.ProtocolVersion;
import io.jkms.testing.RawHttp;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,100 idle dashboard connections from 30 addresses against a host process limited to 1,024 file descriptors
 * (a common default): the web port's connection limits keep descriptors for the KMS port, and a legitimate
 * dashboard request from another address is answered at once.
 */
@Tag("network")
class WebFloodTest {
    static final int FLOOD = 1100;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aWebFloodAboveTheCapStopsNeitherTheKmsPortNorALegitimateDashboardRequest(@TempDir Path dir)
            throws Exception {
        try (HostProcess host = HostProcess.startWithOpenFiles(1024, dir.resolve("data"), "--log-level", "warn")) {
            AtomicBoolean running = new AtomicBoolean(true);
            Attackers attackers = new Attackers(host.kms, running);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<?> flood = pool.submit(() -> {
                attackers.webFlood(host.web, FLOOD);
                return null;
            });
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (attackers.webFloodConnections.get() < FLOOD && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(50_000_000L); // poll the attacker's progress
                }
                assertThat(attackers.webFloodConnections.get()).as("flood connections opened").isGreaterThanOrEqualTo(FLOOD);
                for (int i = 0; i < 5; i++) {
                    assertLegitimateDashboardRequestAnsweredWithin2s(host, 200 + i);
                    assertThat(activate(host, 210 + i)).as("activation %d during the flood", i).isTrue();
                }
                assertThat(attackers.webFloodClosedByHost.get()).as("flood connections the host closed")
                        .isGreaterThanOrEqualTo(FLOOD - 256);
                String metrics = metrics(host);
                assertThat(metrics).contains("jkms_web_connections_closed_total{reason=\"max-connections\"}");
            } finally {
                running.set(false);
                flood.get(30, TimeUnit.SECONDS);
                pool.shutdown();
            }
            assertThat(host.problems).as("exceptions in the host's log").isEmpty();
        }
    }

    private static void assertLegitimateDashboardRequestAnsweredWithin2s(HostProcess host, int last)
            throws Exception {
        long start = System.nanoTime();
        try (RawHttp client = RawHttp.connect(host.web, last)) {
            client.setTimeout(2000);
            client.write(RawHttp.request("GET", "/api/overview", "", "Host", "localhost"));
            Optional<RawHttp.Response> response = client.read();
            assertThat(response).as("an answer from 127.0.0.%d", last).isPresent();
            assertThat(response.get().status()).isEqualTo(200);
        }
        assertThat((System.nanoTime() - start) / 1e9).as("seconds to the answer").isLessThan(2.0);
    }

    private static String metrics(HostProcess host) throws Exception {
        try (RawHttp client = RawHttp.connect(host.web, 199)) {
            client.write(RawHttp.request("GET", "/metrics", "", "Host", "localhost"));
            return client.read().orElseThrow().body();
        }
    }

    private static boolean activate(HostProcess host, int last) throws Exception {
        ClientOptions options = ClientOptions.defaults().withSource(RawHttp.loopback(last));
        KmsRequest request = new KmsRequest(ProtocolVersion.V6, 0, 2, 43200,
                UUID.fromString("55c92734-d682-4d71-983e-d6ec3f16059f"),
                UUID.fromString("2de67392-b7a7-462a-b1ca-108dd189f588"),
                UUID.fromString("58e2134f-8e11-4d17-9cb2-91069c151148"), UUID.randomUUID(), 25,
                FileTime.fromInstant(Instant.now()), new UUID(0, 0), "web-flood-legit-" + last);
        try (KmsClient client = KmsClient.connect(host.kms, options, new SecureRandom())) {
            return client.activate(request).activated();
        }
    }
}
