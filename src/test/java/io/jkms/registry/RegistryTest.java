package io.jkms.registry;

import static io.jkms.registry.TestStore.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.registry.RegistryReader.ClientDetail;
import io.jkms.registry.RegistryReader.Page;
import io.jkms.registry.TestStore.Backend;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The registry against a real SQLite file and a real PostgreSQL server: writes, reads, shutdown, retention. */
@Tag("database")
class RegistryTest {
    private static final Instant T0 = TestStore.NOW.minus(1, ChronoUnit.HOURS);

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aRecordWrittenTwiceIsStoredAndCountedOnce(Backend backend) throws Exception {
        UUID cmid = UUID.randomUUID();
        ActivationRecord first = record(cmid, "alpha", T0, 0);
        ActivationRecord second = record(cmid, "alpha-renamed", T0.plusSeconds(60), 0);
        try (TestStore store = TestStore.create(backend, tempDir); Registry registry = store.open()) {
            registry.writer().offer(first);
            registry.writer().offer(second);
            registry.writer().offer(first);
            registry.writer().flush().get(1, TimeUnit.MINUTES);
            registry.writer().offer(second);
            registry.writer().flush().get(1, TimeUnit.MINUTES);

            ClientDetail detail = registry.reader().client(cmid, 10).orElseThrow();
            assertThat(detail.history()).extracting(ActivationRecord::eventId)
                    .containsExactly(second.eventId(), first.eventId());
            assertThat(detail.history().get(1)).isEqualTo(first);
            ClientSummary client = detail.applications().get(0);
            assertThat(client.requests()).isEqualTo(2);
            assertThat(client.firstSeen()).isEqualTo(T0);
            assertThat(client.lastSeen()).isEqualTo(T0.plusSeconds(60));
            assertThat(client.workstation()).isEqualTo("alpha-renamed");
            assertThat(client.epid()).isEqualTo(second.epid());
            assertThat(registry.stats().stored()).isEqualTo(2);
            assertThat(registry.stats().queueDepth()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anOlderRecordArrivingLateWidensTheTimesButKeepsTheNewestFields(Backend backend) throws Exception {
        UUID cmid = UUID.randomUUID();
        try (TestStore store = TestStore.create(backend, tempDir); Registry registry = store.open()) {
            registry.writer().offer(record(cmid, "new-name", T0.plusSeconds(60), 0));
            registry.writer().flush().get(1, TimeUnit.MINUTES);
            registry.writer().offer(record(cmid, "old-name", T0, 0xC004F042));
            registry.writer().flush().get(1, TimeUnit.MINUTES);

            ClientSummary client = registry.reader().client(cmid, 10).orElseThrow().applications().get(0);
            assertThat(client.workstation()).isEqualTo("new-name");
            assertThat(client.lastHresult()).isZero();
            assertThat(client.firstSeen()).isEqualTo(T0);
            assertThat(client.requests()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void everythingQueuedIsStoredByACleanShutdown(Backend backend) throws Exception {
        try (TestStore store = TestStore.create(backend, tempDir)) {
            try (Registry registry = store.open()) {
                for (int i = 0; i < 1234; i++) {
                    registry.writer().offer(record(UUID.randomUUID(), "pc" + i, T0.plusMillis(i), 0));
                }
            }
            try (Registry reopened = store.open()) {
                assertThat(reopened.reader().activations(T0, T0.plusSeconds(60), 5000)).hasSize(1234);
                assertThat(reopened.reader().distinctClients(TestStore.WINDOWS_10_KMS_ID, T0)).isEqualTo(1234);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void clientsCanBeSearchedSortedAndPaged(Backend backend) throws Exception {
        try (TestStore store = TestStore.create(backend, tempDir); Registry registry = store.open()) {
            for (int i = 0; i < 25; i++) {
                UUID cmid = UUID.randomUUID();
                for (int r = 0; r <= i % 3; r++) {
                    registry.writer().offer(record(cmid, String.format("ws-%02d%s", i, i % 5 == 0 ? "_lab" : ""),
                            T0.plusSeconds(i * 10L + r), 0));
                }
            }
            registry.writer().flush().get(1, TimeUnit.MINUTES);
            RegistryReader reader = registry.reader();

            Page<ClientSummary> newest = TestStore.eventually(
                    () -> reader.clients(new ClientQuery("", "lastSeen", true, 0, 10)), p -> p.total() == 25);
            assertThat(newest.total()).isEqualTo(25);
            assertThat(newest.rows()).hasSize(10).extracting(ClientSummary::workstation).startsWith("ws-24", "ws-23");
            Page<ClientSummary> last = reader.clients(new ClientQuery("", "workstation", false, 2, 10));
            assertThat(last.rows()).extracting(ClientSummary::workstation).containsExactly("ws-20_lab", "ws-21",
                    "ws-22", "ws-23", "ws-24");
            Page<ClientSummary> lab = reader.clients(new ClientQuery("_LAB", "requests", true, 0, 50));
            assertThat(lab.total()).as("'_' matched literally, case-insensitively").isEqualTo(5);
            assertThat(lab.rows().get(0).requests()).isEqualTo(3);
            String cmid = newest.rows().get(0).cmid().toString();
            assertThat(reader.clients(new ClientQuery(cmid.substring(0, 13), "lastSeen", true, 0, 5)).rows())
                    .extracting(c -> c.cmid().toString()).containsExactly(cmid);
            assertThat(reader.clients(new ClientQuery("no-such-machine", "address", false, 0, 5)).total()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void statsCountActivationsPerDayKmsIdAndRefusals(Backend backend) throws Exception {
        Instant day = Instant.parse("2030-01-02T10:00:00Z");
        UUID other = UUID.randomUUID();
        try (TestStore store = TestStore.create(backend, tempDir); Registry registry = store.open()) {
            registry.writer().offer(record(UUID.randomUUID(), "a", day, 0));
            registry.writer().offer(record(UUID.randomUUID(), "b", day.plus(1, ChronoUnit.DAYS), 0));
            registry.writer().offer(record(UUID.randomUUID(), UUID.randomUUID(), other, "c", day, 0));
            registry.writer().offer(record(UUID.randomUUID(), "d", day, 0xC004F042));
            registry.writer().offer(record(UUID.randomUUID(), "old", day.minus(3, ChronoUnit.DAYS), 0));
            registry.writer().flush().get(1, TimeUnit.MINUTES);

            RegistryReader.RegistryStats stats = TestStore.eventually(
                    () -> registry.reader().stats(day.minus(1, ChronoUnit.HOURS)), s -> s.perDay().size() == 2);
            assertThat(stats.perDay()).containsExactly(java.util.Map.entry("2030-01-02", 2L),
                    java.util.Map.entry("2030-01-03", 1L));
            assertThat(stats.byKmsId()).containsEntry(TestStore.WINDOWS_10_KMS_ID, 2L).containsEntry(other, 1L);
            assertThat(stats.byHresult()).containsExactly(java.util.Map.entry(0xC004F042, 1L));
            assertThat(stats.clientsByKmsId()).containsEntry(TestStore.WINDOWS_10_KMS_ID, 3L);
            List<ActivationRecord> window = registry.reader().activations(day, day.plus(1, ChronoUnit.DAYS), 10);
            assertThat(window).extracting(ActivationRecord::workstation).containsExactlyInAnyOrder("a", "c", "d");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void retentionDeletesActivationsAndClientsOlderThanTheCutOff(Backend backend) throws Exception {
        Instant now = TestStore.NOW;
        UUID kept = UUID.randomUUID();
        UUID gone = UUID.randomUUID();
        try (TestStore store = TestStore.create(backend, tempDir)) {
            try (Registry registry = store.open()) {
                registry.writer().offer(record(kept, "kept", now.minus(100, ChronoUnit.DAYS), 0));
                registry.writer().offer(record(kept, "kept", now.minus(1, ChronoUnit.DAYS), 0));
                registry.writer().offer(record(gone, "gone", now.minus(95, ChronoUnit.DAYS), 0));
            }
            // The writer sweeps when it starts, then hourly.
            try (Registry registry = store.open()) {
                registry.writer().flush().get(1, TimeUnit.MINUTES);
            }
            assertThat(store.count("SELECT COUNT(*) FROM activations")).isEqualTo(1);
            assertThat(store.count("SELECT COUNT(*) FROM clients")).isEqualTo(1);
            assertThat(store.count("SELECT requests FROM clients")).as("the count is not recomputed").isEqualTo(2);
        }
    }
}
