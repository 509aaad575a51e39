package io.jkms.registry;

import static io.jkms.registry.TestStore.record;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What the writer tells the health page when it loses records, falls behind, or its thread is hit by an
 * {@link Error}: the registry is then unhealthy and says why, and the writer goes on writing.
 */
class WriterHealthTest {
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger registryLogger = (Logger) LoggerFactory.getLogger("io.jkms.registry");

    @BeforeEach
    void captureLog() {
        log.start();
        registryLogger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        registryLogger.detachAppender(log);
    }

    /** Stores everything, except that its first write throws the given error instead. */
    static final class FailingOnceStore implements RecordStore {
        private final Supplier<Throwable> error;
        private final AtomicBoolean thrown = new AtomicBoolean();
        final List<ActivationRecord> stored = new ArrayList<>();

        FailingOnceStore(Supplier<Throwable> error) {
            this.error = error;
        }

        @Override
        public synchronized int write(List<ActivationRecord> records) throws SQLException {
            if (thrown.compareAndSet(false, true)) {
                Throwable t = error.get();
                if (t instanceof Error e) {
                    throw e;
                }
                throw (RuntimeException) t;
            }
            stored.addAll(records);
            return records.size();
        }

        @Override
        public int prune(Instant before) {
            return 0;
        }

        synchronized int storedCount() {
            return stored.size();
        }
    }

    /** Blocks every write until released. */
    static final class StuckStore implements RecordStore {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch writing = new CountDownLatch(1);

        @Override
        public int write(List<ActivationRecord> records) {
            writing.countDown();
            try {
                release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return records.size();
        }

        @Override
        public int prune(Instant before) {
            return 0;
        }
    }

    private static RegistryWriter writer(RecordStore store, int capacity, Duration flushInterval) {
        return new RegistryWriter(store, Clock.systemUTC(), RandomGenerator.getDefault(), capacity, flushInterval,
                Duration.ofDays(90), Duration.ofSeconds(30));
    }

    private static void offer(RegistryWriter writer, int count) {
        for (int i = 0; i < count; i++) {
            writer.offer(record(UUID.randomUUID(), "pc" + i, Instant.now(), 0));
        }
    }

    private List<String> logLines() {
        synchronized (log) {
            return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    private static void assertWriterSurvives(Supplier<Throwable> error, String name) throws Exception {
        FailingOnceStore store = new FailingOnceStore(error);
        RegistryWriter writer = writer(store, 10_000, Duration.ofMillis(50));
        writer.start();
        try {
            offer(writer, 10);
            writer.flush().get(1, TimeUnit.MINUTES);
            assertThat(store.storedCount()).as("written after the " + name).isEqualTo(10);
            offer(writer, 5);
            writer.flush().get(1, TimeUnit.MINUTES);
            assertThat(store.storedCount()).as("still writing afterwards").isEqualTo(15);
            assertThat(writer.problem()).as("the crash is reported").hasValueSatisfying(p ->
                    assertThat(p).contains("registry writer", name));
        } finally {
            writer.close();
        }
    }

    @Test
    void aWriterHitByOutOfMemoryErrorKeepsWritingAndReportsIt() throws Exception {
        assertWriterSurvives(() -> new OutOfMemoryError("Java heap space (test)"), "OutOfMemoryError");
        assertThat(logLines()).anySatisfy(line -> assertThat(line).contains("registry writer", "OutOfMemoryError"));
    }

    @Test
    void aWriterHitByAssertionErrorKeepsWritingAndReportsIt() throws Exception {
        assertWriterSurvives(() -> new AssertionError("broken invariant (test)"), "AssertionError");
    }

    @Test
    void closeEndsEvenWhenEveryWriteThrowsAnError() throws Exception {
        RecordStore broken = new RecordStore() {
            @Override
            public int write(List<ActivationRecord> records) {
                throw new AssertionError("always (test)");
            }

            @Override
            public int prune(Instant before) {
                return 0;
            }
        };
        RegistryWriter writer = new RegistryWriter(broken, Clock.systemUTC(), RandomGenerator.getDefault(), 100,
                Duration.ofMillis(50), Duration.ofDays(90), Duration.ofMillis(200));
        writer.start();
        offer(writer, 3);
        CompletableFuture<Void> closed = CompletableFuture.runAsync(writer::close);
        closed.get(1, TimeUnit.MINUTES);
        assertThat(writer.restarts()).isPositive();
        assertThat(logLines()).anySatisfy(line -> assertThat(line).contains("3 activation record(s) not stored"));
    }

    @Test
    void droppedRecordsMakeTheRegistryUnhealthyAndSayHowMany() {
        RegistryWriter writer = writer(new FailingOnceStore(() -> new IllegalStateException("unused")), 5,
                Duration.ofSeconds(30));
        assertThat(writer.problem()).isEmpty();
        offer(writer, 8);
        assertThat(writer.dropped()).isEqualTo(3);
        assertThat(writer.problem()).hasValueSatisfying(p -> assertThat(p).contains("3", "dropped"));
    }

    @Test
    void theQueueCapacityBoundsTheRecordsWaitingTheBatchBeingWrittenIncluded() throws Exception {
        StuckStore store = new StuckStore();
        RegistryWriter writer = writer(store, 1000, Duration.ofSeconds(30));
        writer.start();
        try {
            offer(writer, RegistryWriter.BATCH_SIZE);
            assertThat(store.writing.await(1, TimeUnit.MINUTES)).as("a full batch is being written").isTrue();
            offer(writer, 1000);
            assertThat(writer.queueDepth()).as("what a crash now would lose").isEqualTo(1000);
            assertThat(writer.dropped()).isEqualTo(RegistryWriter.BATCH_SIZE);
        } finally {
            store.release.countDown();
            writer.close();
        }
    }

    @Test
    void aWriterThatFallsBehindMakesTheRegistryUnhealthyUntilItCatchesUp() throws Exception {
        StuckStore store = new StuckStore();
        RegistryWriter writer = writer(store, 10_000, Duration.ofMillis(50));
        writer.start();
        try {
            offer(writer, 3);
            writer.flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (writer.problem().isEmpty()) {
                assertThat(System.nanoTime()).as("reported as behind").isLessThan(deadline);
                LockSupport.parkNanos(10_000_000L); // poll, bounded by the deadline
            }
            assertThat(writer.problem()).hasValueSatisfying(p -> assertThat(p).contains("behind"));
            store.release.countDown();
            writer.flush().get(1, TimeUnit.MINUTES);
            assertThat(writer.problem()).isEmpty();
        } finally {
            store.release.countDown();
            writer.close();
        }
    }
}
