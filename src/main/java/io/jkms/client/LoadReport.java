package io.jkms.client;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * What a load run measured, after the warm-up.
 *
 * @param activations    verified (or cheaply checked) activations
 * @param elapsed        the measured time
 * @param connections    TCP connections opened while measuring
 * @param verified       answers that got the full client verification
 * @param latencyMicros  sorted latencies in microseconds (connect + bind included for a connection's first request)
 * @param errors         errors by kind
 * @param cpuNanos       CPU time this process used while measuring, if known (else -1)
 */
public record LoadReport(long activations, Duration elapsed, long connections, long verified, int[] latencyMicros,
                         Map<LoadError, Long> errors, long cpuNanos) {
    public LoadReport {
        latencyMicros = latencyMicros.clone();
        Arrays.sort(latencyMicros);
        errors = Map.copyOf(errors);
    }

    /** A copy: the report stays immutable, and {@link #percentile} relies on the order. */
    @Override
    public int[] latencyMicros() {
        return latencyMicros.clone();
    }

    public double activationsPerSecond() {
        return activations / Math.max(1e-9, elapsed.toNanos() / 1e9);
    }

    /** The p-th percentile (0..100) in microseconds, nearest rank; 0 when nothing was measured. */
    public int percentile(double p) {
        if (latencyMicros.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * latencyMicros.length);
        return latencyMicros[Math.max(0, Math.min(latencyMicros.length - 1, rank - 1))];
    }

    public int max() {
        return latencyMicros.length == 0 ? 0 : latencyMicros[latencyMicros.length - 1];
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** CPU microseconds this process spent per activation, or -1 if unknown. */
    public double cpuMicrosPerActivation() {
        return cpuNanos < 0 || activations == 0 ? -1 : cpuNanos / 1e3 / activations;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoadReport r && activations == r.activations && elapsed.equals(r.elapsed)
                && connections == r.connections && verified == r.verified
                && Arrays.equals(latencyMicros, r.latencyMicros) && errors.equals(r.errors) && cpuNanos == r.cpuNanos;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(activations) * 31 + Arrays.hashCode(latencyMicros);
    }

    @Override
    public String toString() {
        return "LoadReport[" + activations + " activations in " + elapsed + ", " + errors + "]";
    }
}
