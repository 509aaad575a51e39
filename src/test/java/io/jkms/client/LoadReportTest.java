package io.jkms.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadReportTest {
    static Map<LoadError, Long> errors(Object... kindsAndCounts) {
        Map<LoadError, Long> m = new EnumMap<>(LoadError.class);
        for (int i = 0; i < kindsAndCounts.length; i += 2) {
            m.put((LoadError) kindsAndCounts[i], (Long) kindsAndCounts[i + 1]);
        }
        return m;
    }

    static LoadReport report(int[] latencies) {
        return new LoadReport(latencies.length, Duration.ofSeconds(2), 3, 1, latencies, errors(), -1);
    }

    @Test
    void percentilesAreNearestRankOverTheSortedLatencies() {
        LoadReport r = report(new int[] {50, 10, 40, 20, 30, 100, 90, 80, 70, 60});

        assertThat(r.percentile(0)).isEqualTo(10);
        assertThat(r.percentile(10)).isEqualTo(10);
        assertThat(r.percentile(11)).isEqualTo(20);
        assertThat(r.percentile(50)).isEqualTo(50);
        assertThat(r.percentile(99)).isEqualTo(100);
        assertThat(r.percentile(100)).isEqualTo(100);
        assertThat(r.percentile(250)).as("beyond 100 clamps").isEqualTo(100);
        assertThat(r.max()).isEqualTo(100);
    }

    @Test
    void nothingMeasuredGivesZeroesNotAnException() {
        LoadReport r = new LoadReport(0, Duration.ZERO, 0, 0, new int[0], errors(), 5_000);

        assertThat(r.percentile(50)).isZero();
        assertThat(r.max()).isZero();
        assertThat(r.activationsPerSecond()).isZero();
        assertThat(r.cpuMicrosPerActivation()).isEqualTo(-1);
        assertThat(r.errorCount()).isZero();
    }

    @Test
    void ratesAndCpuPerActivation() {
        LoadReport r = new LoadReport(1000, Duration.ofMillis(500), 10, 16, new int[] {1}, errors(), 2_000_000_000L);

        assertThat(r.activationsPerSecond()).isEqualTo(2000.0);
        assertThat(r.cpuMicrosPerActivation()).isEqualTo(2000.0);
        assertThat(new LoadReport(1000, Duration.ofSeconds(1), 1, 1, new int[0], errors(), -1).cpuMicrosPerActivation())
                .isEqualTo(-1);
    }

    @Test
    void errorsAreSummedAndCopied() {
        Map<LoadError, Long> given = errors(LoadError.TIMEOUT, 3L, LoadError.FAULT, 4L);
        LoadReport r = new LoadReport(1, Duration.ofSeconds(1), 1, 1, new int[] {1}, given, -1);
        given.put(LoadError.CLOSED, 100L);

        assertThat(r.errorCount()).isEqualTo(7);
        assertThat(r.errors()).containsOnlyKeys(LoadError.TIMEOUT, LoadError.FAULT);
    }

    @Test
    void theLatenciesGivenAreCopiedAndEqualityIsByContent() {
        int[] latencies = {3, 1, 2};
        LoadReport r = report(latencies);
        latencies[0] = 99;

        assertThat(r.max()).isEqualTo(3);
        assertThat(r).isEqualTo(report(new int[] {1, 2, 3})).hasSameHashCodeAs(report(new int[] {2, 3, 1}));
        assertThat(r).isNotEqualTo(report(new int[] {1, 2, 4}));
        assertThat(r.toString()).contains("3 activations in PT2S");
    }

    @Test
    void anEmptyErrorMapOfAnyKindIsAccepted() {
        LoadReport r = new LoadReport(0, Duration.ofSeconds(1), 0, 0, new int[0], Map.of(), -1);
        assertThat(r.errorCount()).isZero();
    }

    @Test
    void theLatenciesCannotBeChangedThroughTheAccessor() {
        LoadReport r = report(new int[] {1, 2, 3});
        r.latencyMicros()[2] = 0;
        assertThat(r.max()).isEqualTo(3);
    }
}
