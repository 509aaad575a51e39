package io.jkms.client;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Drives a KMS host with pre-encoded activation requests over many non-blocking connections on a few selector
 * threads, for a bounded time (and optionally a bounded count), and reports rate, latency and errors.
 */
public final class LoadGenerator {
    private static final long WATCH_NANOS = 20_000_000L;

    private final LoadSettings settings;
    private final RequestPool pool;
    private final LongSupplier cpuNanos;

    /**
     * @param cpuNanos this process's CPU time so far in nanoseconds, or -1 when unknown
     */
    public LoadGenerator(LoadSettings settings, RequestPool pool, LongSupplier cpuNanos) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.cpuNanos = Objects.requireNonNull(cpuNanos, "cpuNanos");
    }

    public LoadReport run() throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + settings.warmup().toNanos();
        long stopAt = measureFrom + settings.duration().toNanos();
        AtomicLong claimed = new AtomicLong();
        List<LoadTally> tallies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<BlockingLoadWorker> blocking = new ArrayList<>();
        int workers = settings.io() == LoadSettings.Io.BLOCKING ? settings.concurrency() : settings.threads();
        int share = settings.concurrency() / workers;
        int extra = settings.concurrency() % workers;
        for (int i = 0; i < workers; i++) {
            int firstEntry = (int) ((long) i * pool.size() / workers);
            Runnable worker;
            if (settings.io() == LoadSettings.Io.BLOCKING) {
                BlockingLoadWorker w = new BlockingLoadWorker(settings, pool, claimed, firstEntry, measureFrom, stopAt);
                blocking.add(w);
                tallies.add(w.tally);
                worker = w;
            } else {
                SelectorLoadWorker w = new SelectorLoadWorker(settings, pool, claimed, share + (i < extra ? 1 : 0), firstEntry,
                        measureFrom, stopAt);
                tallies.add(w.tally);
                worker = w;
            }
            Thread t = new Thread(worker, "jkms-bench-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        long cpuStart = watch(blocking, threads, measureFrom, stopAt);
        long joinBy = stopAt + settings.timeout().toNanos() + 1_000_000_000L;
        for (Thread t : threads) {
            t.join(Math.max(1, (joinBy - System.nanoTime()) / 1_000_000));
        }
        long cpuEnd = cpuNanos.getAsLong();
        return report(tallies, measureFrom, stopAt, cpuStart < 0 || cpuEnd < 0 ? -1 : cpuEnd - cpuStart);
    }

    /**
     * Until the workers end: reads the CPU clock when the warm-up ends, closes blocking workers' channels that are
     * past their deadline, and at the end of the run closes the ones still busy. Returns the CPU clock reading.
     */
    private long watch(List<BlockingLoadWorker> blocking, List<Thread> threads, long measureFrom, long stopAt) {
        long cpuStart = settings.warmup().isZero() ? cpuNanos.getAsLong() : Long.MIN_VALUE;
        while (threads.stream().anyMatch(Thread::isAlive)) {
            long now = System.nanoTime();
            if (cpuStart == Long.MIN_VALUE && now >= measureFrom) {
                cpuStart = cpuNanos.getAsLong();
            }
            for (BlockingLoadWorker w : blocking) {
                SocketChannel ch = w.current;
                if (ch != null && (now > w.deadline || now >= stopAt)) {
                    closeQuietly(ch);
                }
            }
            long wake = cpuStart == Long.MIN_VALUE ? Math.min(measureFrom, now + WATCH_NANOS) : now + WATCH_NANOS;
            LockSupport.parkNanos(Math.max(1, wake - now));
        }
        return cpuStart == Long.MIN_VALUE ? cpuNanos.getAsLong() : cpuStart;
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private LoadReport report(List<LoadTally> tallies, long measureFrom, long stopAt, long cpu) {
        long activations = 0;
        long connections = 0;
        long verified = 0;
        long last = measureFrom;
        int latencies = 0;
        Map<LoadError, Long> errors = new EnumMap<>(LoadError.class);
        for (LoadTally w : tallies) {
            activations += w.activations;
            connections += w.connections;
            verified += w.verified;
            last = Math.max(last, w.lastCompletion);
            latencies += w.latencyCount;
            for (LoadError e : LoadError.values()) {
                if (w.errors[e.ordinal()] > 0) {
                    errors.merge(e, w.errors[e.ordinal()], Long::sum);
                }
            }
        }
        int[] all = new int[latencies];
        int at = 0;
        for (LoadTally w : tallies) {
            System.arraycopy(w.latencies, 0, all, at, w.latencyCount);
            at += w.latencyCount;
        }
        boolean countBound = settings.maxRequests() > 0 && activations >= settings.maxRequests();
        long end = countBound ? Math.min(stopAt, last) : stopAt;
        return new LoadReport(activations, Duration.ofNanos(Math.max(1, end - measureFrom)), connections, verified,
                all, errors, cpu);
    }
}
