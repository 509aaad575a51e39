package io.jkms.registry;

import io.jkms.activation.ActivationEvent;
import io.jkms.activation.ActivationListener;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every activation without making the I/O thread wait: {@link #onActivation} only offers a record
 * to a bounded queue; one writer thread stores the queue in batches as soon as a full batch waits and at
 * least every flush interval, retries with backoff while the database is unreachable, and on
 * {@link #close()} stores everything still queued.
 *
 * <p>Writing full batches at once keeps records on the heap for milliseconds, not a flush interval, so they
 * die young instead of being promoted (tens of thousands per second at full load), and spreads the
 * writer's work evenly instead of in bursts that compete with the I/O threads. Once it is behind (the oldest
 * waiting record older than a flush interval) it writes up to {@link #MAX_TRANSACTION} records per
 * transaction: with a large history most of a batch's cost is the index pages it touches and rewrites, which
 * a larger transaction shares among more records, so the writer catches up instead of falling further behind.
 *
 * <p>The thread survives anything: an {@link Error} (an {@link OutOfMemoryError} under memory pressure
 * elsewhere in the host, a bug) is logged, counted and reported on the health page, and the writer goes on
 * with the batch it held. A host that answered activations with a dead writer would lose every record while
 * saying nothing.
 */
public final class RegistryWriter implements ActivationListener, RegistryWriterStats, AutoCloseable {
    static final int BATCH_SIZE = 500;
    /** The most records one transaction holds while the writer is behind. */
    static final int MAX_TRANSACTION = 10_000;
    static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger("io.jkms.registry");
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final RecordStore store;
    private final Clock clock;
    private final EventIds eventIds;
    private final int capacity;
    private final Duration flushInterval;
    private final Duration retention;
    private final Duration closeTimeout;
    private final BlockingQueue<ActivationRecord> queue;
    private final ConcurrentLinkedQueue<FlushRequest> flushRequests = new ConcurrentLinkedQueue<>();
    private final AtomicLong accepted = new AtomicLong();
    // Records accepted and not yet stored, queued or in the batch being written; never above capacity, so
    // that capacity bounds what a crash can lose, however far behind the writer is.
    private final AtomicInteger waiting = new AtomicInteger();
    private final Duration lagLimit;
    private final WriterAlarms alarms = new WriterAlarms(System::nanoTime);
    private final AtomicLong failures = new AtomicLong();
    // Set by flush() and close(): the writer goes round at once, even while backing off.
    private final AtomicBoolean nudged = new AtomicBoolean();
    private final Thread thread;
    // Written by the writer thread only; volatile for the stats getters.
    private final List<ActivationRecord> batch = new ArrayList<>();
    private volatile long taken;
    private volatile long stored;
    private volatile Duration lastLatency = Duration.ZERO;
    private volatile long flushes;
    private volatile long flushNanos;
    private volatile String failing;
    private volatile boolean diskFull;
    // Epoch millis of the oldest record in the batch being written; 0 without one.
    private volatile long batchOldest;
    private volatile boolean closing;
    private Duration backoff = Duration.ZERO;
    private long nextPrune;
    private long closeDeadline = Long.MAX_VALUE;

    RegistryWriter(RecordStore store, Clock clock, RandomGenerator random, int capacity, Duration flushInterval,
                   Duration retention, Duration closeTimeout) {
        this.store = store;
        this.clock = clock;
        this.eventIds = new EventIds(clock, random);
        this.capacity = capacity;
        this.flushInterval = flushInterval;
        this.retention = retention;
        this.closeTimeout = closeTimeout;
        // Normally a record waits at most one flush interval plus one write: twice the interval means behind.
        this.lagLimit = flushInterval.multipliedBy(2);
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.nextPrune = System.nanoTime();
        this.thread = new Thread(this::run, "registry-writer");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * On the I/O thread: never blocks; a full queue drops the record and counts it. Full means capacity records
     * accepted and not yet stored, the batch being written included: what a crash can lose.
     */
    @Override
    public void onActivation(ActivationEvent event) {
        ActivationRecords.of(event, eventIds.next()).ifPresent(this::offer);
    }

    /**
     * Queues the record; every {@link #BATCH_SIZE}th accepted record wakes the writer, so that a full batch
     * never waits for the flush interval. Waking a thread is cheap and never blocks, and it happens once per
     * batch, not per record.
     */
    void offer(ActivationRecord record) {
        if (waiting.incrementAndGet() <= capacity) {
            queue.add(record); // never full: waiting counts the queue and the batch being written
            if (accepted.incrementAndGet() % BATCH_SIZE == 0) {
                LockSupport.unpark(thread);
            }
            return;
        }
        waiting.decrementAndGet();
        if (alarms.dropped()) {
            LOG.error("registry queue full ({} records): dropping activation records until the database keeps up"
                    + " ({} dropped since start)", capacity, alarms.droppedCount());
        }
    }

    /**
     * Asks the writer to store now everything accepted so far; the future completes once it is stored
     * (retrying while the database is down). For tests and shutdown; never called on the I/O thread.
     */
    public CompletableFuture<Void> flush() {
        FlushRequest request = new FlushRequest(accepted.get(), new CompletableFuture<>());
        flushRequests.add(request);
        nudged.set(true);
        LockSupport.unpark(thread);
        return request.done();
    }

    /** The thread's body: {@link #work()}, resumed after anything it throws until it returns. */
    private void run() {
        while (true) {
            try {
                work();
                return;
            } catch (Throwable t) { // deliberately everything: see the class comment
                survive(t);
                if (closing && System.nanoTime() - closeDeadline >= 0) {
                    giveUp();
                    return;
                }
            }
        }
    }

    /** Reports the error, then waits out a backoff (an error that repeats must not spin or flood the log). */
    private void survive(Throwable error) {
        long restarts = alarms.crashed(error);
        Duration doubled = backoff.isZero() ? FIRST_BACKOFF : backoff.multipliedBy(2);
        backoff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
        try {
            LOG.error("registry writer crashed ({}); restarting it in {} ms with its {} waiting record(s), "
                    + "restart {} since start", error.toString(), backoff.toMillis(), queueDepth(), restarts, error);
        } catch (Throwable ignored) { // logging itself may fail under the same memory pressure; go on anyway
        }
        await(System.nanoTime() + backoff.toNanos(), false);
    }

    private void work() {
        long nextFlush = System.nanoTime();
        while (true) {
            boolean stopping = closing;
            if (stopping && closeDeadline == Long.MAX_VALUE) {
                closeDeadline = System.nanoTime() + closeTimeout.toNanos();
            }
            boolean everything = stopping || !flushRequests.isEmpty() || System.nanoTime() - nextFlush >= 0;
            boolean ok = writeAll(everything);
            if (ok && everything) {
                nextFlush = System.nanoTime() + flushInterval.toNanos();
            }
            completeFlushes();
            if (stopping && ok) {
                return;
            }
            if (stopping && System.nanoTime() - closeDeadline >= 0) {
                giveUp();
                return;
            }
            if (ok) {
                pruneIfDue();
                await(nextFlush, true);
            } else {
                await(System.nanoTime() + backoff.toNanos(), false);
            }
        }
    }

    /**
     * Waits until the deadline ({@link System#nanoTime()}), or until flush() or close() asks. A full batch in
     * the queue ends the wait too, unless the writer is backing off: then it would retry at the pace of the I/O
     * threads, not the backoff.
     */
    private void await(long deadline, boolean fullBatchEnds) {
        while (!nudged.getAndSet(false)) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || (fullBatchEnds && queue.size() >= BATCH_SIZE)) {
                return;
            }
            LockSupport.parkNanos(this, left);
        }
    }

    /**
     * Stores full batches while there are, and with {@code everything} the rest too, until the queue is empty;
     * false when the database failed (the batch is kept). The rest of a batch waits for more records, a flush
     * or the flush interval: writing what trickled in during the last write would cut the stream into many
     * small transactions. Whatever the rest waits for, it is written within the flush interval, as the
     * interval runs from the last time everything was written.
     */
    private boolean writeAll(boolean everything) {
        while (true) {
            if (batch.isEmpty()) {
                if (!everything && queue.size() < BATCH_SIZE) {
                    return true;
                }
                queue.drainTo(batch, behind() ? MAX_TRANSACTION : BATCH_SIZE);
                batchOldest = batch.isEmpty() ? 0 : batch.get(0).at().toEpochMilli();
            }
            if (batch.isEmpty()) {
                return true;
            }
            long started = System.nanoTime();
            try {
                boolean wasFailing = failing != null;
                int fresh = store.write(batch);
                long took = System.nanoTime() - started;
                lastLatency = Duration.ofNanos(took);
                flushNanos += took;
                flushes++;
                failing = null;
                diskFull = false;
                stored += fresh;
                taken += batch.size();
                waiting.addAndGet(-batch.size());
                batch.clear();
                batchOldest = 0;
                if (wasFailing) {
                    LOG.info("registry: database reachable again, writing the {} waiting record(s)", queueDepth());
                }
                backoff = Duration.ZERO;
            } catch (SQLException | RuntimeException e) {
                boolean full = DatabaseErrors.diskFull(e);
                diskFull = full;
                failing = e.toString();
                // Counted after the state is set: a reader that sees the failure counted also sees why.
                failures.incrementAndGet();
                if (backoff.isZero() && full) {
                    LOG.error("registry: disk full, the database cannot grow ({}); keeping {} record(s) and retrying",
                            e.toString(), queueDepth());
                } else if (backoff.isZero()) {
                    LOG.warn("registry: cannot write activation records ({}); keeping them and retrying", e.toString());
                }
                Duration doubled = backoff.isZero() ? FIRST_BACKOFF : backoff.multipliedBy(2);
                backoff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
                return false;
            }
        }
    }

    private void completeFlushes() {
        long done = taken;
        boolean empty = batch.isEmpty() && queue.isEmpty();
        flushRequests.removeIf(request -> {
            if (empty || done >= request.target()) {
                request.done().complete(null);
                return true;
            }
            return false;
        });
    }

    /** At shutdown, once the close timeout is over: what is still waiting is lost, and said so. */
    private void giveUp() {
        LOG.error("registry: database still unreachable at shutdown; {} activation record(s) not stored",
                queueDepth());
        failFlushes();
    }

    private void failFlushes() {
        FlushRequest request;
        while ((request = flushRequests.poll()) != null) {
            request.done().completeExceptionally(new IllegalStateException("registry closed with records not stored"));
        }
    }

    private void pruneIfDue() {
        if (System.nanoTime() - nextPrune < 0) {
            return;
        }
        nextPrune = System.nanoTime() + PRUNE_EVERY.toNanos();
        try {
            int deleted = store.prune(clock.instant().minus(retention));
            if (deleted > 0) {
                LOG.info("registry: deleted {} row(s) older than {} days", deleted, retention.toDays());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("registry: retention sweep failed ({}); trying again in an hour", e.toString());
        }
    }

    /** Stores everything queued (waiting for the database up to the close timeout), then stops the thread. */
    @Override
    public void close() {
        closing = true;
        nudged.set(true);
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public int queueDepth() {
        return waiting.get();
    }

    @Override
    public int queueCapacity() {
        return capacity;
    }

    @Override
    public long dropped() {
        return alarms.droppedCount();
    }

    /** How many times an {@link Error} hit the writer thread, which then went on. */
    public long restarts() {
        return alarms.restarts();
    }

    /** Age of the oldest record waiting to be written (zero when none waits): what a crash now would lose. */
    public Duration lag() {
        long oldest = batchOldest;
        if (oldest == 0) {
            ActivationRecord head = queue.peek();
            oldest = head == null ? 0 : head.at().toEpochMilli();
        }
        return oldest == 0 ? Duration.ZERO : Duration.ofMillis(Math.max(0, clock.millis() - oldest));
    }

    /** Whether the oldest waiting record has waited longer than a flush interval: then transactions grow. */
    private boolean behind() {
        ActivationRecord head = queue.peek();
        return head != null && clock.millis() - head.at().toEpochMilli() > flushInterval.toMillis();
    }

    @Override
    public long stored() {
        return stored;
    }

    @Override
    public long writeFailures() {
        return failures.get();
    }

    @Override
    public Duration lastFlushLatency() {
        return lastLatency;
    }

    /** Batches written since start, and the time they took (for metrics). */
    public long flushes() {
        return flushes;
    }

    public long flushNanos() {
        return flushNanos;
    }

    /**
     * Why the registry is not keeping its promises now, if it is not: writes failing (a full disk named as
     * such), the writer behind (the oldest waiting record older than twice the flush interval, or the queue
     * more than half full), records dropped or the thread hit by an error in the last few minutes.
     */
    public java.util.Optional<String> problem() {
        return alarms.problem(failing, diskFull, queueDepth(), capacity, lag(), lagLimit);
    }

    private record FlushRequest(long target, CompletableFuture<Void> done) {
    }
}
