package io.jkms.registry;

import static io.jkms.registry.TestStore.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The writer's queue, drops, retries and shutdown, against a store that fails on demand. */
class RegistryWriterTest {

    /** Fails every write while down; counts the failed attempts. */
    static final class SwitchableStore implements RecordStore {
        final List<ActivationRecord> stored = new ArrayList<>();
        final List<Integer> batches = new ArrayList<>();
        // Two failed attempts: when the second has begun, the writer has counted the first.
        final CountDownLatch failedTwice = new CountDownLatch(2);
        final CountDownLatch wrote = new CountDownLatch(1);
        volatile boolean down;

        @Override
        public synchronized int write(List<ActivationRecord> records) throws SQLException {
            if (down) {
                failedTwice.countDown();
                throw new SQLTransientConnectionException("database down (test)");
            }
            stored.addAll(records);
            batches.add(records.size());
            wrote.countDown();
            return records.size();
        }

        @Override
        public int prune(Instant before) {
            return 0;
        }

        synchronized List<ActivationRecord> stored() {
            return List.copyOf(stored);
        }

        synchronized List<Integer> batches() {
            return List.copyOf(batches);
        }
    }

    private static RegistryWriter writer(RecordStore store, int capacity) {
        return writer(store, capacity, Duration.ofSeconds(30));
    }

    /** A running writer with room for 10,000 records, past its first (empty) flush. */
    private static RegistryWriter started(RecordStore store, Duration flushInterval) throws Exception {
        RegistryWriter writer = writer(store, 10_000, flushInterval);
        writer.start();
        writer.flush().get(1, TimeUnit.MINUTES);
        return writer;
    }

    private static void offer(RegistryWriter writer, int count) {
        for (int i = 0; i < count; i++) {
            writer.offer(record(UUID.randomUUID(), "pc" + i, Instant.now(), 0));
        }
    }

    private static RegistryWriter writer(RecordStore store, int capacity, Duration flushInterval) {
        return new RegistryWriter(store, Clock.systemUTC(), RandomGenerator.getDefault(), capacity,
                flushInterval, Duration.ofDays(90), Duration.ofSeconds(30));
    }

    @Test
    void aFullBatchIsWrittenAtOnceNotAtTheNextFlushInterval() throws Exception {
        SwitchableStore store = new SwitchableStore();
        RegistryWriter writer = started(store, Duration.ofDays(1));
        offer(writer, RegistryWriter.BATCH_SIZE - 1);
        assertThat(store.stored()).as("less than a batch waits for the interval").isEmpty();

        writer.offer(record(UUID.randomUUID(), "last", Instant.now(), 0));
        assertThat(store.wrote.await(1, TimeUnit.MINUTES)).as("written long before the day is over").isTrue();
        assertThat(store.stored()).hasSize(RegistryWriter.BATCH_SIZE);
        writer.close();
    }

    @Test
    void aSteadyStreamIsWrittenInFullBatchesAndOnlyTheRestByAFlush() throws Exception {
        SwitchableStore store = new SwitchableStore();
        RegistryWriter writer = started(store, Duration.ofDays(1));
        offer(writer, 3 * RegistryWriter.BATCH_SIZE + 150);
        writer.flush().get(1, TimeUnit.MINUTES);
        writer.close();
        int full = RegistryWriter.BATCH_SIZE;
        assertThat(store.batches()).containsExactly(full, full, full, 150);
    }

    @Test
    void lessThanABatchIsWrittenAtTheFlushInterval() throws Exception {
        SwitchableStore store = new SwitchableStore();
        RegistryWriter writer = started(store, Duration.ofMillis(50));
        offer(writer, 10);
        assertThat(store.wrote.await(1, TimeUnit.MINUTES)).as("written without flush()").isTrue();
        writer.close();
        assertThat(store.stored()).hasSize(10);
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfWaiting() throws Exception {
        SwitchableStore store = new SwitchableStore();
        RegistryWriter writer = writer(store, 5);
        for (int i = 0; i < 8; i++) {
            writer.offer(record(UUID.randomUUID(), "pc" + i, Instant.now(), 0));
        }
        assertThat(writer.queueDepth()).isEqualTo(5);
        assertThat(writer.dropped()).isEqualTo(3);

        writer.start();
        writer.flush().get(1, TimeUnit.MINUTES);
        writer.close();
        assertThat(store.stored()).extracting(ActivationRecord::workstation)
                .containsExactly("pc0", "pc1", "pc2", "pc3", "pc4");
        assertThat(writer.stored()).isEqualTo(5);
        assertThat(writer.queueDepth()).isZero();
    }

    @Test
    void recordsWaitWhileTheDatabaseIsDownAndAreWrittenWhenItReturns() throws Exception {
        SwitchableStore store = new SwitchableStore();
        store.down = true;
        RegistryWriter writer = writer(store, 1000);
        writer.start();
        for (int i = 0; i < 700; i++) {
            writer.offer(record(UUID.randomUUID(), "pc" + i, Instant.now(), 0));
        }
        CompletableFuture<Void> flushed = writer.flush();
        assertThat(store.failedTwice.await(1, TimeUnit.MINUTES)).isTrue();
        assertThat(flushed).isNotDone();
        assertThat(writer.queueDepth()).isEqualTo(700);
        assertThat(writer.writeFailures()).isPositive();

        store.down = false;
        flushed.get(1, TimeUnit.MINUTES);
        writer.close();
        assertThat(store.stored()).hasSize(700);
        assertThat(writer.dropped()).isZero();
        assertThat(writer.lastFlushLatency()).isPositive();
    }

    @Test
    void closeWritesEverythingStillQueued() {
        SwitchableStore store = new SwitchableStore();
        RegistryWriter writer = writer(store, 10_000);
        writer.start();
        for (int i = 0; i < 2500; i++) {
            writer.offer(record(UUID.randomUUID(), "pc" + i, Instant.now(), 0));
        }
        writer.close();
        assertThat(store.stored()).hasSize(2500);
    }

    @Test
    void undecodableRequestsAreNotRecorded() {
        SwitchableStore store = new SwitchableStore();
        RegistryWriter writer = writer(store, 10);
        writer.onActivation(new io.jkms.activation.ActivationEvent(Instant.now(), null, java.util.Optional.empty(),
                java.util.Optional.empty(), 0x8007000D, "bad", Duration.ZERO));
        assertThat(writer.queueDepth()).isZero();
        assertThat(writer.dropped()).isZero();
    }
}
