package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.client.ActivationResult;
import io.jkms.client.ClientOptions;
import io.jkms.client.KmsClient;
import io.jkms.protocol.FileTime;
import io.jkms.protocol.KmsRequest;
import io.jkms.registry.Registry;
import io.jkms.registry.RegistryWriterStats;
import io.jkms.testing.LoopbackProxy;
import io.jkms.testing.TestPostgres;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry as hosts use it: activations over loopback TCP, PostgreSQL outages, real client counting. */
@Tag("database")
class RegistryEndToEndTest {
    /** Windows Server 2019 Datacenter: N policy 5, so a real count caps at 10. */
    private static final HostEndToEndTest.Product SERVER = HostEndToEndTest.PRODUCTS.get(5);

    @TempDir
    Path tempDir;

    @Test
    void aPostgresOutageMidRunLosesNoActivationAndStoresNoneTwice() throws Exception {
        try (TestPostgres postgres = TestPostgres.create();
             LoopbackProxy proxy = LoopbackProxy.to(postgres.serverAddress());
             TestHost host = TestHost.start("database", postgres.url(proxy.address()), "flush-interval", "20ms")) {
            Registry registry = host.host.registry();
            List<UUID> machines = new ArrayList<>();
            activate(host, machines, 150);
            proxy.cut();
            activate(host, machines, 300);
            awaitWriteFailure(registry.stats());
            activate(host, machines, 150);
            proxy.restore();
            registry.writer().flush().get(2, TimeUnit.MINUTES);

            assertThat(registry.stats().dropped()).isZero();
            try (var connection = postgres.connect(); var statement = connection.createStatement();
                 var rows = statement.executeQuery("SELECT COUNT(*), COUNT(DISTINCT cmid),"
                         + " (SELECT SUM(requests) FROM clients), (SELECT COUNT(*) FROM clients) FROM activations")) {
                rows.next();
                assertThat(rows.getLong(1)).as("history rows").isEqualTo(600);
                assertThat(rows.getLong(2)).as("machines in the history").isEqualTo(600);
                assertThat(rows.getLong(3)).as("requests counted").isEqualTo(600);
                assertThat(rows.getLong(4)).as("clients").isEqualTo(600);
            }
        }
    }

    @Test
    void twoHostsOnOnePostgresCountEachOthersClientsUpToTwiceN() throws Exception {
        try (TestPostgres postgres = TestPostgres.create();
             TestHost a = TestHost.start("database", postgres.url(), "client-count", "real");
             TestHost b = TestHost.start("database", postgres.url(), "client-count", "real")) {
            assertThat(counts(a, 3)).containsExactly(1L, 2L, 3L);
            sync(a, b);
            assertThat(counts(b, 2)).as("B sees A's three machines").containsExactly(4L, 5L);
            sync(b, a);
            assertThat(counts(a, 7)).as("A sees B's, capped at 2 x 5").containsExactly(6L, 7L, 8L, 9L, 10L, 10L, 10L);
            sync(a, b);
            assertThat(counts(b, 1)).containsExactly(10L);
            assertThat(b.host.registry().reader().distinctClients(UUID.fromString(SERVER.kmsId()),
                    Instant.now().minus(30, ChronoUnit.DAYS))).isEqualTo(12);
        }
    }

    @Test
    void realCountsSurviveARestartAndAMachineIsCountedOnce() throws Exception {
        String dataDir = tempDir.resolve("data").toString();
        try (TestHost host = TestHost.start("data-dir", dataDir, "client-count", "real");
             KmsClient client = KmsClient.connect(host.address(), ClientOptions.defaults(), new SecureRandom())) {
            KmsRequest request = request(UUID.randomUUID());
            assertThat(client.activate(request).response().orElseThrow().clientCount())
                    .as("a young host reports fewer than N: the client answers itself 0xC004F038").isEqualTo(1);
            assertThat(client.activate(request(request.cmid())).response().orElseThrow().clientCount()).isEqualTo(1);
            assertThat(counts(host, 2)).containsExactly(2L, 3L);
        }
        try (TestHost restarted = TestHost.start("data-dir", dataDir, "client-count", "real")) {
            assertThat(counts(restarted, 1)).containsExactly(4L);
        }
    }

    /** Stores what {@code from} answered and makes {@code to} reload its counts (what happens every few seconds). */
    private static void sync(TestHost from, TestHost to) throws Exception {
        from.host.registry().writer().flush().get(1, TimeUnit.MINUTES);
        to.host.registry().refreshCounts();
    }

    private static List<Long> counts(TestHost host, int newMachines) throws Exception {
        List<Long> counts = new ArrayList<>();
        try (KmsClient client = KmsClient.connect(host.address(), ClientOptions.defaults(), new SecureRandom())) {
            for (int i = 0; i < newMachines; i++) {
                counts.add(client.activate(request(UUID.randomUUID())).response().orElseThrow().clientCount());
            }
        }
        return counts;
    }

    private static void activate(TestHost host, List<UUID> machines, int count) throws Exception {
        try (KmsClient client = KmsClient.connect(host.address(), ClientOptions.defaults(), new SecureRandom())) {
            for (int i = 0; i < count; i++) {
                UUID cmid = UUID.randomUUID();
                ActivationResult result = client.activate(request(cmid));
                assertThat(result.activated()).isTrue();
                machines.add(cmid);
            }
        }
    }

    private static KmsRequest request(UUID cmid) {
        KmsRequest template = SERVER.request("server-" + cmid.toString().substring(0, 8));
        return new KmsRequest(template.version(), 0, 2, 43200, template.appId(), template.skuId(), template.kmsId(),
                cmid, template.requiredClientCount(), FileTime.fromInstant(Instant.now()), new UUID(0, 0),
                template.workstationName());
    }

    /** Waits (bounded) until the writer has met the outage, so that the records really waited for the database. */
    private static void awaitWriteFailure(RegistryWriterStats stats) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (stats.writeFailures() == 0) {
            assertThat(System.nanoTime() - deadline).as("a write failed during the outage").isNegative();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
