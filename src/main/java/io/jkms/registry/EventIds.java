package io.jkms.registry;

import java.time.Clock;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Time-ordered unique event IDs (UUID version 7: 48 bits of Unix milliseconds, then 74 random bits), so that
 * history rows arrive in roughly index order and a retried batch is recognised by its IDs.
 */
final class EventIds {
    private final Clock clock;
    private final RandomGenerator random;

    EventIds(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
    }

    UUID next() {
        long millis = clock.millis();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
