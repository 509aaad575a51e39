package io.jkms.client;

import java.util.Arrays;

/** What one load thread counted; read by {@link LoadGenerator} after the thread ended. */
final class LoadTally {
    private final long measureFrom;
    final long[] errors = new long[LoadError.values().length];
    int[] latencies = new int[1 << 16];
    int latencyCount;
    long activations;
    long connections;
    long verified;
    long lastCompletion;

    LoadTally(long measureFrom) {
        this.measureFrom = measureFrom;
    }

    void connection(long started) {
        if (started >= measureFrom) {
            connections++;
        }
    }

    /** An activation that started at {@code started} completed at {@code now}; only measured ones count. */
    void activation(long now, long started) {
        lastCompletion = now;
        if (started < measureFrom) {
            return;
        }
        activations++;
        if (latencyCount == latencies.length) {
            latencies = Arrays.copyOf(latencies, latencies.length * 2);
        }
        latencies[latencyCount++] = (int) Math.min(Integer.MAX_VALUE, (now - started) / 1000);
    }

    /** An answer got the full verification. */
    void verified(long now) {
        if (now >= measureFrom) {
            verified++;
        }
    }

    void error(LoadError error, long now) {
        if (now >= measureFrom) {
            errors[error.ordinal()]++;
        }
    }
}
