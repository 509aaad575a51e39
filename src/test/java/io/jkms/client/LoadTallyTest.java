package io.jkms.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoadTallyTest {

    @Test
    void onlyWhatStartsAfterTheWarmUpIsCounted() {
        LoadTally tally = new LoadTally(1_000);
        tally.connection(999);
        tally.connection(1_000);
        tally.activation(5_000, 999);
        tally.activation(9_000, 2_000);
        tally.verified(999);
        tally.verified(1_001);
        tally.error(LoadError.TIMEOUT, 500);
        tally.error(LoadError.TIMEOUT, 1_500);
        tally.error(LoadError.FAULT, 1_500);

        assertThat(tally.connections).isEqualTo(1);
        assertThat(tally.activations).isEqualTo(1);
        assertThat(tally.verified).isEqualTo(1);
        assertThat(tally.errors[LoadError.TIMEOUT.ordinal()]).isEqualTo(1);
        assertThat(tally.errors[LoadError.FAULT.ordinal()]).isEqualTo(1);
        assertThat(tally.errors[LoadError.CONNECT.ordinal()]).isZero();
    }

    @Test
    void latenciesAreMicrosecondsAndTheLastCompletionCountsEvenInWarmUp() {
        LoadTally tally = new LoadTally(0);
        tally.activation(1_500_000, 0);
        assertThat(tally.latencyCount).isEqualTo(1);
        assertThat(tally.latencies[0]).isEqualTo(1_500);

        LoadTally warm = new LoadTally(10);
        warm.activation(7, 5);
        assertThat(warm.lastCompletion).isEqualTo(7);
        assertThat(warm.latencyCount).isZero();
    }

    @Test
    void aLatencyBeyondTheIntRangeIsCappedNotWrapped() {
        LoadTally tally = new LoadTally(0);
        tally.activation(Long.MAX_VALUE, 0);
        assertThat(tally.latencies[0]).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void theLatencyArrayGrowsKeepingEveryValue() {
        LoadTally tally = new LoadTally(0);
        int n = (1 << 16) + 5;
        for (int i = 0; i < n; i++) {
            tally.activation(i * 1000L, 0);
        }
        assertThat(tally.latencyCount).isEqualTo(n);
        assertThat(tally.activations).isEqualTo(n);
        assertThat(tally.latencies.length).isGreaterThanOrEqualTo(n);
        assertThat(tally.latencies[n - 1]).isEqualTo(n - 1);
        assertThat(tally.latencies[1 << 16]).isEqualTo(1 << 16);
    }
}
