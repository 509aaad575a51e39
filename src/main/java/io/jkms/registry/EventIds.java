package io.jkms.registry;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Time-ordered unique event IDs, so that history rows arrive in roughly index order and a retried batch is
 * recognised by its IDs. Each is a UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then 74 bits
 * that tell IDs of one millisecond apart: a 32-bit counter (its top 12 bits in {@code rand_a}, so that one
 * instance's IDs sort in issue order within a millisecond) and 42 bits drawn once per instance.
 *
 * <p>Unique because one instance repeats a counter value only after 2<sup>32</sup> IDs, never within one
 * millisecond; other instances, on other hosts sharing the database or on this host after a restart, drew
 * other instance bits, and two that drew the same 42 bits would also have to reach the same counter value in
 * the same millisecond. The counter starts at a random value below 2<sup>31</sup>, so it wraps (and issue
 * order within that one millisecond breaks) only after 2<sup>31</sup> IDs or more. The random source is read
 * only here, in the constructor: a call to the host's DRBG per event cost the I/O threads 5 % of their time.
 */
final class EventIds {
    private static final int INSTANCE_BITS = 42;
    private static final int COUNTER_LOW_BITS = 20;

    private final Clock clock;
    private final long instance;
    private final AtomicLong counter;

    EventIds(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.instance = random.nextLong() & ((1L << INSTANCE_BITS) - 1);
        this.counter = new AtomicLong(random.nextLong() >>> 33);
    }

    /** Safe to call from several threads at once: one atomic increment, no lock. */
    UUID next() {
        long millis = clock.millis();
        long count = counter.getAndIncrement() & 0xFFFF_FFFFL;
        long high = (millis << 16) | 0x7000L | (count >>> COUNTER_LOW_BITS);
        long low = 0x8000_0000_0000_0000L | ((count & ((1L << COUNTER_LOW_BITS) - 1)) << INSTANCE_BITS) | instance;
        return new UUID(high, low);
    }
}
