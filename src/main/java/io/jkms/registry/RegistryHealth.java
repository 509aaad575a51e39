package io.jkms.registry;

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

    /** Why the registry is unhealthy (e.g. the database is unreachable); empty when it is fine. */
    default Optional<String> problem() {
        return Optional.empty();
    }
}
