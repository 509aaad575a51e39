package io.jkms.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Event IDs: UUID version 7, unique across threads and instances, ordered by time, no random call per ID. */
class EventIdsTest {
    private static final Instant AT = Instant.parse("2030-01-02T10:00:00.123Z");

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private volatile Instant now = AT;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Counts the calls made to it, so that a test can see when the random source is used. */
    private static final class CountingRandom implements RandomGenerator {
        final AtomicInteger calls = new AtomicInteger();
        private final SecureRandom delegate = new SecureRandom();

        @Override
        public long nextLong() {
            calls.incrementAndGet();
            return delegate.nextLong();
        }
    }

    @Test
    void idsAreUuidVersion7CarryingTheClocksMilliseconds() {
        EventIds ids = new EventIds(Clock.fixed(AT, ZoneOffset.UTC), new SecureRandom());
        for (int i = 0; i < 1000; i++) {
            UUID id = ids.next();
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(AT.toEpochMilli());
        }
    }

    @Test
    void idsTakenByManyThreadsInOneMillisecondAreUnique() throws Exception {
        EventIds ids = new EventIds(Clock.fixed(AT, ZoneOffset.UTC), new SecureRandom());
        int threads = 4;
        int perThread = 50_000;
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        seen.add(ids.next());
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : done) {
                future.get(1, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(seen).hasSize(threads * perThread);
    }

    @Test
    void twoInstancesNeverShareAnIdInTheSameMillisecond() {
        Clock clock = Clock.fixed(AT, ZoneOffset.UTC);
        EventIds host = new EventIds(clock, new SecureRandom());
        EventIds otherHost = new EventIds(clock, new SecureRandom());
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(host.next());
            seen.add(otherHost.next());
        }
        assertThat(seen).hasSize(200_000);
    }

    @Test
    void idsSortByTimeAndWithinAMillisecondByIssueOrder() {
        ManualClock clock = new ManualClock();
        EventIds ids = new EventIds(clock, new SplittableRandom());
        List<String> issued = new ArrayList<>();
        for (int ms = 0; ms < 50; ms++) {
            clock.now = AT.plusMillis(ms);
            for (int i = 0; i < 200; i++) {
                issued.add(ids.next().toString());
            }
        }
        assertThat(issued).as("the canonical text, as the database orders it").isSorted();
    }

    @Test
    void theRandomSourceIsUsedOnlyWhenCreated() {
        CountingRandom random = new CountingRandom();
        EventIds ids = new EventIds(Clock.systemUTC(), random);
        int afterCreation = random.calls.get();
        for (int i = 0; i < 10_000; i++) {
            ids.next();
        }
        assertThat(random.calls).hasValue(afterCreation);
    }
}
