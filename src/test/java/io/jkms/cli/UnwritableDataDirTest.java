package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.client.ClientOptions;
import io.jkms.client.KmsClient;
import io.jkms.registry.RegistryHealth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory the registry cannot use is reported and does not stop activations; once it is
 * usable, the registry opens by itself and records again.
 */
@Tag("network")
class UnwritableDataDirTest {

    @Test
    void aDataDirectoryThatIsNotOneIsReportedAndActivationsGoOnUntilItIsFixed(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("data");
        Files.writeString(dataDir, "a file where the data directory should be");
        try (TestHost host = TestHost.start("data-dir", dataDir.toString())) {
            RegistryHealth health = host.registryHealth();
            long opening = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!health.problem().orElse("").contains("registry not open")) { // the first attempt is in the background
                assertThat(System.nanoTime()).as("the failure to open was reported").isLessThan(opening);
                LockSupport.parkNanos(20_000_000L); // poll, bounded by the deadline
            }
            assertThat(health.problem()).hasValueSatisfying(p -> assertThat(p).contains("data directory"));
            try (KmsClient client = KmsClient.connect(host.address(), ClientOptions.defaults(), new SecureRandom())) {
                assertThat(client.activate(HostEndToEndTest.PRODUCTS.get(4).request("while-broken")).activated())
                        .isTrue();
            }
            assertThat(health.queueDepth()).as("answered, and its record waits in the queue").isEqualTo(1);
            assertThat(health.dropped()).isZero();

            Files.delete(dataDir);
            Files.createDirectories(dataDir);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (health.problem().isPresent()) {
                assertThat(System.nanoTime()).as("the registry opened after the fix").isLessThan(deadline);
                LockSupport.parkNanos(50_000_000L); // poll, bounded by the deadline
            }
            try (KmsClient client = KmsClient.connect(host.address(), ClientOptions.defaults(), new SecureRandom())) {
                assertThat(client.activate(HostEndToEndTest.PRODUCTS.get(4).request("after-fix")).activated()).isTrue();
            }
            host.host.registry().writer().flush().get(1, TimeUnit.MINUTES);
            assertThat(Files.exists(dataDir.resolve("registry.db"))).isTrue();
            assertThat(host.host.registry().reader().clients(new io.jkms.registry.ClientQuery("after-fix",
                    "lastSeen", true, 0, 10)).total()).isEqualTo(1);
            assertThat(host.host.registry().reader().clients(new io.jkms.registry.ClientQuery("while-broken",
                    "lastSeen", true, 0, 10)).total()).as("the record kept while it could not open").isEqualTo(1);
        }
    }

    /** A registry that is not open has no answer to give: saying "no clients" (200, an empty list) would be a lie. */
    @Test
    void theClientPagesSayTheRegistryIsNotOpenRatherThanListNoClients(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("data");
        Files.writeString(dataDir, "a file where the data directory should be");
        try (TestHost host = TestHost.start("data-dir", dataDir.toString(), "web", "127.0.0.1:0")) {
            RegistryHealth health = host.registryHealth();
            long opening = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!health.problem().orElse("").contains("registry not open")) {
                assertThat(System.nanoTime()).as("the failure to open was reported").isLessThan(opening);
                LockSupport.parkNanos(20_000_000L); // poll, bounded by the deadline
            }
            java.net.InetSocketAddress web = host.host.web().orElseThrow().address();
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            for (String path : new String[] {"/api/clients", "/api/clients.csv", "/clients"}) {
                java.net.http.HttpResponse<String> answer = http.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://127.0.0.1:" + web.getPort() + path)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(path).isEqualTo(503);
                assertThat(answer.body()).as(path).contains("registry not open");
            }
        }
    }
}
