package io.jkms.registry;

import java.time.Duration;
import java.util.Optional;

/**
 * What the registry's writer tells metrics and the health page: how far behind it is and what it lost. Every
 * method is cheap and never blocks (metrics read them on each scrape). Counts are monotonic since start.
 */
public interface RegistryHealth {
    /** For a host without a registry: nothing queued, nothing flushed, nothing lost. */
    RegistryHealth NONE = new RegistryHealth() {
    };

    /** Records waiting to be written. */
    default long queueDepth() {
        return 0;
    }

    /** The most records that may wait; past it new records are dropped. */
    default long queueCapacity() {
        return 0;
    }

    /** Age of the oldest record waiting to be written: what a crash now would lose. Zero when none waits. */
    default Duration lag() {
        return Duration.ZERO;
    }

    /** Records stored since start: its rate is the writer's records per second. */
    default long stored() {
        return 0;
    }

    /** Batch writes that failed (each is retried) since start. */
    default long writeFailures() {
        return 0;
    }

    /** Times an error hit the writer thread, which went on, since start. */
    default long writerRestarts() {
        return 0;
    }

    /** Records dropped (queue full, or a write that failed for good) since start. */
    default long dropped() {
        return 0;
    }

    /** Flushes (batch writes) completed since start. */
    default long flushes() {
        return 0;
    }

    /** Total time spent in those flushes, in nanoseconds. */
    default long flushNanos() {
        return 0;
    }

    /** What the registry is ("memory", "sqlite", "postgresql", "none"), for the health page. */
    default String kind() {
        return "none";
    }

    /**
     * Why the registry is unhealthy (the database unreachable or the disk full, the writer behind, records dropped
     * or the writer crashed in the last minutes); empty when it is fine.
     */
    default Optional<String> problem() {
        return Optional.empty();
    }
}
