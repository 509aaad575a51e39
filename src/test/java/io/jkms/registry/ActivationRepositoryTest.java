package io.jkms.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.registry.TestStore.Backend;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One batch holding one client several times gives the client row that one upsert per record gave: every new
 * request counted once, the times widened, the descriptive fields and the ePID of the newest request.
 */
@Tag("database")
class ActivationRepositoryTest {
    private static final Instant T0 = Instant.parse("2030-01-02T10:00:00.123Z");
    private static final int REFUSED = 0xC004F042;

    @TempDir
    Path tempDir;

    /** A record of the machine whose fields all tell which request it was; refused (no ePID) without one. */
    private static ActivationRecord request(UUID cmid, int second, Optional<String> epid) {
        return new ActivationRecord(UUID.randomUUID(), T0.plusSeconds(second), cmid, TestStore.WINDOWS,
                UUID.randomUUID(), TestStore.WINDOWS_10_KMS_ID, "pc-at-" + second, second, second % 2 == 0,
                4 + second % 3, "10.0.0." + second, epid, epid.isPresent() ? 0 : REFUSED,
                Duration.ofMillis(second));
    }

    private static Optional<String> epid(int n) {
        return Optional.of("03612-00206-556-12372" + n + "-03-1033-26100.0000-3082024");
    }

    /** The row the newest request gives, with the times, request count and ePID of the whole history. */
    private static ClientSummary expected(ActivationRecord newest, Instant firstSeen, long requests,
                                          Optional<String> epid) {
        return new ClientSummary(newest.cmid(), newest.appId(), newest.workstation(), newest.skuId(),
                newest.kmsId(), newest.licenseStatus(), newest.virtualMachine(), newest.protocolMajor(),
                newest.clientAddress(), firstSeen, newest.at(), requests, epid, newest.hresult());
    }

    private static ClientSummary client(RegistryDatabase database, UUID cmid) {
        List<ClientSummary> rows = new JdbcRegistryReader(database.dataSource()).client(cmid, 10).orElseThrow()
                .applications();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static ActivationRepository repository(RegistryDatabase database) {
        return new ActivationRepository(database.dataSource(), database.dialect());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aClientRepeatedInOneBatchInAnyOrderCountsEveryRequestAndTakesTheNewestFields(Backend backend)
            throws Exception {
        List<List<Integer>> orders = List.of(List.of(0, 1, 2), List.of(0, 2, 1), List.of(1, 0, 2), List.of(1, 2, 0),
                List.of(2, 0, 1), List.of(2, 1, 0));
        try (TestStore store = TestStore.create(backend, tempDir);
             RegistryDatabase database = RegistryDatabase.open(store.settings)) {
            List<ActivationRecord> batch = new ArrayList<>();
            List<ClientSummary> wanted = new ArrayList<>();
            for (List<Integer> order : orders) {
                UUID cmid = UUID.randomUUID();
                List<ActivationRecord> requests = List.of(request(cmid, 0, epid(0)), request(cmid, 10, epid(1)),
                        request(cmid, 20, Optional.empty()));
                order.forEach(i -> batch.add(requests.get(i)));
                wanted.add(expected(requests.get(2), T0, 3, epid(1)));
            }

            assertThat(repository(database).write(batch)).isEqualTo(batch.size());

            for (ClientSummary client : wanted) {
                assertThat(client(database, client.cmid())).isEqualTo(client);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aBatchMergesWithTheStoredRowAndTheNewerSideWins(Backend backend) throws Exception {
        UUID storedOlder = UUID.randomUUID();
        UUID storedNewer = UUID.randomUUID();
        UUID storedBetween = UUID.randomUUID();
        try (TestStore store = TestStore.create(backend, tempDir);
             RegistryDatabase database = RegistryDatabase.open(store.settings)) {
            ActivationRepository repository = repository(database);
            ActivationRecord newest = request(storedNewer, 40, epid(4));
            repository.write(List.of(request(storedOlder, 0, epid(0)), newest,
                    request(storedBetween, 15, epid(5))));

            ActivationRecord refusal = request(storedOlder, 20, Optional.empty());
            ActivationRecord refusalToo = request(storedBetween, 20, Optional.empty());
            assertThat(repository.write(List.of(refusal, request(storedOlder, 10, epid(1)),
                    request(storedNewer, 30, epid(3)), request(storedNewer, 5, Optional.empty()),
                    refusalToo, request(storedBetween, 10, epid(6))))).isEqualTo(6);

            assertThat(client(database, storedOlder)).as("the batch is newer: its newest ePID replaces the stored")
                    .isEqualTo(expected(refusal, T0, 3, epid(1)));
            assertThat(client(database, storedNewer)).as("the stored row is newer: only times and count change")
                    .isEqualTo(expected(newest, T0.plusSeconds(5), 3, epid(4)));
            assertThat(client(database, storedBetween)).as("the batch's ePID is older than the stored request")
                    .isEqualTo(expected(refusalToo, T0.plusSeconds(10), 3, epid(5)));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aRetriedBatchChangesNothingAndOnlyItsNewRecordsCount(Backend backend) throws Exception {
        UUID cmid = UUID.randomUUID();
        List<ActivationRecord> batch = List.of(request(cmid, 10, epid(1)), request(cmid, 0, epid(0)),
                request(cmid, 10, epid(2)));
        try (TestStore store = TestStore.create(backend, tempDir);
             RegistryDatabase database = RegistryDatabase.open(store.settings)) {
            ActivationRepository repository = repository(database);
            assertThat(repository.write(batch)).isEqualTo(3);
            ClientSummary written = client(database, cmid);
            assertThat(written).as("equally new: the later in the batch wins")
                    .isEqualTo(expected(batch.get(2), T0, 3, epid(2)));

            assertThat(repository.write(batch)).isZero();
            assertThat(client(database, cmid)).isEqualTo(written);

            ActivationRecord newer = request(cmid, 30, epid(3));
            List<ActivationRecord> retriedAndMore = new ArrayList<>(batch);
            retriedAndMore.add(1, newer);
            assertThat(repository.write(retriedAndMore)).isEqualTo(1);
            assertThat(client(database, cmid)).isEqualTo(expected(newer, T0, 4, epid(3)));
            assertThat(store.count("SELECT COUNT(*) FROM activations")).isEqualTo(4);
        }
    }
}
