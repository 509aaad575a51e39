package io.jkms.client;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What a load worker draws on, whichever I/O it does: the run's request budget (shared by all workers), its own
 * walk through the request pool and the count that picks the answers to verify fully. One per worker thread.
 */
final class WorkerBudget {
    private final LoadSettings settings;
    private final RequestPool pool;
    private final AtomicLong claimed;
    private int nextEntry;
    private long answers;

    WorkerBudget(LoadSettings settings, RequestPool pool, AtomicLong claimed, int firstEntry) {
        this.settings = settings;
        this.pool = pool;
        this.claimed = claimed;
        this.nextEntry = firstEntry;
    }

    /** Claims one activation of the run's budget; false when {@link LoadSettings#maxRequests} are all claimed. */
    boolean claim() {
        return settings.maxRequests() == 0 || claimed.incrementAndGet() <= settings.maxRequests();
    }

    /** The index of the pool entry to send next; the walk moves on. */
    int takeEntry() {
        int entry = nextEntry;
        nextEntry = pool.next(nextEntry);
        return entry;
    }

    /** Whether the next answer gets the full verification. */
    boolean shouldVerify() {
        return settings.verify().covers(answers++);
    }
}
