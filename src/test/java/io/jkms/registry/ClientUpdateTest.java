package io.jkms.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Folding a batch into one update per client, without a database. */
class ClientUpdateTest {
    private static final Instant T0 = Instant.parse("2030-01-02T10:00:00Z");

    @Test
    void recordsAlreadyStoredAreLeftOutAndClientsComeInMachineOrder() {
        UUID first = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID second = UUID.fromString("00000000-0000-0000-0000-000000000002");
        UUID third = UUID.fromString("00000000-0000-0000-0000-000000000003");
        List<ActivationRecord> batch = List.of(TestStore.record(third, "c", T0, 0),
                TestStore.record(first, "a-old", T0, 0), TestStore.record(second, "retried", T0, 0),
                TestStore.record(first, "a-new", T0.plusSeconds(1), 0xC004F042));

        List<ClientUpdate> updates = ClientUpdate.of(batch, new int[] {1, 1, 0, 1});

        assertThat(updates).extracting(update -> update.newest().cmid()).containsExactly(first, third);
        ClientUpdate machine = updates.get(0);
        assertThat(machine.requests()).isEqualTo(2);
        assertThat(machine.firstSeen()).isEqualTo(T0);
        assertThat(machine.newest().workstation()).isEqualTo("a-new");
        assertThat(machine.newestWithEpid().map(ActivationRecord::workstation)).hasValue("a-old");
        assertThat(updates).isSortedAccordingTo(Comparator.comparing(update -> update.newest().cmid()));
    }

    @Test
    void aBatchOfRetriedRecordsChangesNoClient() {
        List<ActivationRecord> batch = List.of(TestStore.record(UUID.randomUUID(), "a", T0, 0),
                TestStore.record(UUID.randomUUID(), "b", T0, 0));
        assertThat(ClientUpdate.of(batch, new int[] {0, 0})).isEmpty();
    }

    @Test
    void resultsThatDoNotMatchTheRecordsAreRefused() {
        List<ActivationRecord> batch = List.of(TestStore.record(UUID.randomUUID(), "a", T0, 0));
        assertThatThrownBy(() -> ClientUpdate.of(batch, new int[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
