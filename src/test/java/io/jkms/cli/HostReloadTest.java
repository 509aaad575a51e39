package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jkms.catalog.Catalog;
import io.jkms.client.ActivationResult;
import io.jkms.client.ClientOptions;
import io.jkms.client.KmsClient;
import io.jkms.config.ConfigException;
import io.jkms.config.HostConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloading a valid and an invalid configuration under load: no legitimate activation fails. */
@Tag("network")
class HostReloadTest {

    @Test
    void reloadsUnderLoadWithoutFailingAnActivationAndKeepsTheOldConfigWhenTheNewOneIsBad(@TempDir Path dir)
            throws Exception {
        try (TestHost host = TestHost.start("renewal-interval", "7d")) {
            AtomicBoolean running = new AtomicBoolean(true);
            List<Long> renewals = new CopyOnWriteArrayList<>();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            ExecutorService load = Executors.newFixedThreadPool(4);
            List<Future<?>> workers = new java.util.ArrayList<>();
            for (int w = 0; w < 4; w++) {
                workers.add(load.submit(() -> {
                    for (int i = 0; i < 2000 && running.get(); i++) {
                        try (KmsClient client = KmsClient.connect(host.address(), ClientOptions.defaults(),
                                new SecureRandom())) {
                            ActivationResult result = client.activate(HostEndToEndTest.PRODUCTS.get(4).request("w"));
                            renewals.add(result.response().orElseThrow().renewalInterval());
                        } catch (Exception | AssertionError e) {
                            failures.add(e);
                        }
                    }
                }));
            }
            awaitCount(renewals, 50);
            HostConfig valid = TestHost.config("listen", host.address().getAddress().getHostAddress() + ":0",
                    "renewal-interval", "2d", "client-count", "60");
            host.host.reload(valid, Catalog.loadDefault());
            int afterValid = renewals.size();
            awaitCount(renewals, afterValid + 50);

            Path badCatalog = dir.resolve("catalog.json");
            Files.writeString(badCatalog, "{\"products\": 5}");
            assertThatThrownBy(() -> HostWiring.catalog(TestHost.config("catalog", badCatalog.toString())))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("catalog");
            assertThatThrownBy(() -> TestHost.config("renewal-interval", "1y")).isInstanceOf(ConfigException.class);
            int afterInvalid = renewals.size();
            awaitCount(renewals, afterInvalid + 50);

            running.set(false);
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
            load.shutdown();
            assertThat(failures).isEmpty();
            assertThat(renewals.subList(0, 10)).containsOnly(10080L);
            assertThat(renewals.subList(afterInvalid, renewals.size())).as("the valid reload stays in force")
                    .containsOnly(2880L);
            assertThat(host.host.config().policy().renewalInterval()).isEqualTo(2880);
        }
    }

    /** Waits (bounded) until the load has made {@code count} activations. */
    private static void awaitCount(List<Long> renewals, int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (renewals.size() < count) {
            assertThat(System.nanoTime()).as("load made progress").isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // poll, bounded by the deadline
        }
    }
}
