package io.jkms.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Why the registry is not keeping its promises right now, derived on each read from the writer's live state
 * (failing writes, how far behind it is) and from when it last lost records or had its thread hit by an
 * {@link Error}: those two stay alarms for {@link #WINDOW} after they happened, so that a scrape or a look at
 * the health page minutes later still sees them (the counts since start are in the metrics).
 */
final class WriterAlarms {
    /** How long a drop or a writer crash keeps the registry degraded. */
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final LongSupplier nanoTime;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong restarts = new AtomicLong();
    private volatile long lastDrop;
    private volatile long lastCrash;
    private volatile String crash;

    WriterAlarms(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * On the I/O thread: one increment and one volatile write per dropped record. True for the first drop of
     * an episode (none in the {@link #WINDOW} before), which the writer logs: one line per episode, not per record.
     */
    boolean dropped() {
        long now = nanoTime.getAsLong();
        boolean first = dropped.getAndIncrement() == 0 || now - lastDrop >= WINDOW.toNanos();
        lastDrop = now;
        return first;
    }

    long droppedCount() {
        return dropped.get();
    }

    /** The writer thread was hit by {@code error} and goes on. */
    long crashed(Throwable error) {
        crash = error.toString();
        lastCrash = nanoTime.getAsLong();
        return restarts.incrementAndGet();
    }

    long restarts() {
        return restarts.get();
    }

    /**
     * Every reason the registry is unhealthy, joined; empty when it is fine.
     *
     * @param failing  the error of the last write, while writes fail
     * @param diskFull whether that error is a full disk
     * @param depth    records waiting, {@code capacity} the most that may
     * @param lag      age of the oldest waiting record; {@code lagLimit} the age past which the writer is behind
     */
    Optional<String> problem(String failing, boolean diskFull, long depth, int capacity, Duration lag,
                             Duration lagLimit) {
        List<String> reasons = new ArrayList<>();
        if (failing != null) {
            reasons.add((diskFull ? "disk full: the database cannot grow (" : "cannot write to the database (")
                    + failing + "); " + depth + " record(s) waiting");
        }
        if (lag.compareTo(lagLimit) > 0 || depth > capacity / 2) {
            reasons.add(String.format(Locale.ROOT, "registry writer behind: %d of %d queue places used, the oldest"
                    + " waiting record %.1f s old (limit %.1f s)", depth, capacity, seconds(lag), seconds(lagLimit)));
        }
        long now = nanoTime.getAsLong();
        long drops = dropped.get();
        if (drops > 0 && now - lastDrop < WINDOW.toNanos()) {
            reasons.add(String.format(Locale.ROOT, "%d activation record(s) dropped since start (queue full), the"
                    + " last %.0f s ago", drops, (now - lastDrop) / 1e9));
        }
        long crashes = restarts.get();
        if (crashes > 0 && now - lastCrash < WINDOW.toNanos()) {
            reasons.add(String.format(Locale.ROOT, "registry writer crashed %.0f s ago (%s) and was restarted;"
                    + " %d restart(s) since start", (now - lastCrash) / 1e9, crash, crashes));
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
