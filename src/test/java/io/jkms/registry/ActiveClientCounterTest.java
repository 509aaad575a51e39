package io.jkms.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.registry.TestStore.Backend;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Real client counting keeps a set of machines per KMS ID: a client that invents a new KMS ID for every request must
 * not make it keep one more set each time (~400 bytes each, never freed), neither in memory nor from the database.
 */
@Tag("database")
class ActiveClientCounterTest {
    @TempDir
    Path tempDir;

    @Test
    void kmsIdsInventedByClientsDoNotEachLeaveASetBehind() throws Exception {
        try (TestStore store = TestStore.create(Backend.SQLITE, tempDir); RegistryDatabase database =
                RegistryDatabase.open(store.settings)) {
            ActiveClientCounter counter = new ActiveClientCounter(
                    new ActivationRepository(database.dataSource(), database.dialect()), TestStore.CLOCK);
            for (int i = 0; i < 20_000; i++) {
                counter.activeClients(UUID.randomUUID(), UUID.randomUUID(), 50);
            }
            assertThat(counter.trackedKmsIds()).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void kmsIdsInventedByClientsAndStoredDoNotEachLeaveASetBehindAfterARefresh() throws Exception {
        try (TestStore store = TestStore.create(Backend.SQLITE, tempDir); Registry registry = store.open()) {
            for (int i = 0; i < 5_000; i++) {
                registry.writer().offer(TestStore.record(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                        "invented-" + i, TestStore.NOW, 0));
            }
            registry.writer().flush().get(1, TimeUnit.MINUTES);
            registry.clientCounter();
            registry.refreshCounts();
            assertThat(registry.counter().trackedKmsIds()).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void catalogKmsIdsAreCountedOneByOneAndEveryOtherKmsIdInOneSharedPool() throws Exception {
        UUID office = UUID.fromString("e6a6f1bf-9d40-40c3-aa9f-c77ba21578c0");
        try (TestStore store = TestStore.create(Backend.SQLITE, tempDir); Registry registry = store.open()) {
            var counter = registry.clientCounter(java.util.Set.of(TestStore.WINDOWS_10_KMS_ID, office));
            UUID a = UUID.randomUUID();
            UUID b = UUID.randomUUID();
            assertThat(counter.activeClients(TestStore.WINDOWS_10_KMS_ID, a, 50)).isEqualTo(1);
            assertThat(counter.activeClients(TestStore.WINDOWS_10_KMS_ID, b, 50)).isEqualTo(2);
            assertThat(counter.activeClients(office, a, 50)).as("another catalog KMS ID: its own count").isEqualTo(1);
            for (int i = 1; i <= 30; i++) {
                assertThat(counter.activeClients(UUID.randomUUID(), UUID.randomUUID(), 50)).isEqualTo(i);
            }
            assertThat(counter.activeClients(TestStore.WINDOWS_10_KMS_ID, a, 50)).as("unchanged by the pool")
                    .isEqualTo(2);
            assertThat(registry.counter().trackedKmsIds()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void storedMachinesOfUnknownKmsIdsAreLoadedIntoTheSharedPool(Backend backend) throws Exception {
        try (TestStore store = TestStore.create(backend, tempDir); Registry registry = store.open()) {
            for (int i = 0; i < 7; i++) {
                registry.writer().offer(TestStore.record(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                        "invented-" + i, TestStore.NOW, 0));
            }
            registry.writer().offer(TestStore.record(UUID.randomUUID(), "win10", TestStore.NOW, 0));
            registry.writer().flush().get(1, TimeUnit.MINUTES);
            var counter = registry.clientCounter(java.util.Set.of(TestStore.WINDOWS_10_KMS_ID));
            assertThat(counter.activeClients(UUID.randomUUID(), UUID.randomUUID(), 50)).isEqualTo(8);
            assertThat(counter.activeClients(TestStore.WINDOWS_10_KMS_ID, UUID.randomUUID(), 50)).isEqualTo(2);
        }
    }
}
