package io.jkms.client;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * A bounded load run.
 *
 * @param target                the host (resolved)
 * @param concurrency           connections in flight at any time
 * @param threads               selector threads sharing them
 * @param perConnection         activations per TCP connection (1 = what Windows does)
 * @param duration              measured time, after the warm-up
 * @param maxRequests           stop after this many measured activations (0 = no limit)
 * @param warmup                time run but not measured, first
 * @param verify                how many answers get the full client verification
 * @param timeout               longest wait for a connect or an answer
 * @param io                    blocking I/O on one thread per connection, or non-blocking on {@code threads}
 */
public record LoadSettings(InetSocketAddress target, int concurrency, int threads, int perConnection,
                           Duration duration, long maxRequests, Duration warmup, Verify verify, Duration timeout,
                           Io io) {
    /** Thread per connection with blocking calls (as kmsload), or selector threads multiplexing connections. */
    public enum Io { BLOCKING, NIO }

    /** Full verification of every answer, of one in {@link #SAMPLE_EVERY}, or none (PDU type and HRESULT only). */
    public enum Verify {
        ALL, SAMPLE, NONE;

        /** Whether the {@code answer}-th answer of a worker (from 0) gets the full verification. */
        boolean covers(long answer) {
            return switch (this) {
                case ALL -> true;
                case NONE -> false;
                case SAMPLE -> answer % SAMPLE_EVERY == 0;
            };
        }
    }

    public static final int SAMPLE_EVERY = 64;

    public LoadSettings {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(verify, "verify");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(io, "io");
        if (concurrency < 1 || threads < 1 || threads > concurrency || perConnection < 1 || maxRequests < 0
                || duration.isNegative() || duration.isZero() || warmup.isNegative() || timeout.isNegative()
                || timeout.isZero()) {
            throw new IllegalArgumentException("concurrency ≥ threads ≥ 1, perConnection ≥ 1, positive duration and "
                    + "timeout, non-negative warm-up and request limit");
        }
    }
}
