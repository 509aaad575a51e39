package io.jkms.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The output behind a bounded queue, written in batches by one thread of its own: what Logback's
 * AsyncAppender does, without its two costs per line. AsyncAppender's worker waits on the queue, so every
 * line wakes it (a futex call on the logging thread: most of what an activation line cost the I/O thread),
 * and its output writes and flushes each line (a system call per line). Here the worker, while lines keep
 * coming, naps {@link #NAP} between batches instead of waiting on the queue, so that nobody has to wake it,
 * and writes each batch with one flush; only after {@link #IDLE_NAPS} empty naps does it wait to be woken.
 *
 * <p>Nothing is dropped: a full queue makes the logging thread wait for room, as a synchronous appender
 * would. {@link #stop()} writes what is queued, waiting for the output at most the flush deadline.
 */
final class QueuedAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    /** How long a line may wait in the queue while the host is logging steadily. */
    static final Duration NAP = Duration.ofMillis(5);
    /** Empty naps in a row after which the worker waits to be woken (an idle host costs no wake-ups). */
    static final int IDLE_NAPS = 20;
    private static final int BATCH = 512;

    private final OutputStreamAppender<ILoggingEvent> output;
    private final ArrayBlockingQueue<ILoggingEvent> queue;
    private final Duration flushDeadline;
    private final Thread worker;
    private volatile boolean stopping;

    /** {@code output} must not be started: it is started here, with its flush left to the batches. */
    QueuedAppender(OutputStreamAppender<ILoggingEvent> output, int capacity, Duration flushDeadline) {
        this.output = output;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.flushDeadline = flushDeadline;
        this.worker = new Thread(this::drain, "log-writer");
        worker.setDaemon(true);
    }

    @Override
    public void start() {
        output.setImmediateFlush(false);
        output.start();
        super.start();
        worker.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (stopping) {
            return;
        }
        event.prepareForDeferredProcessing(); // the message and MDC as they are now, on the logging thread
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(event);
                break;
            } catch (InterruptedException e) {
                interrupted = true; // a line is not lost to an interrupt; the flag is kept for the caller
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        stopping = true;
        LockSupport.unpark(worker);
        worker.interrupt(); // ends a wait on the empty queue; a write in progress is not interrupted by it
        try {
            worker.join(flushDeadline.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            addWarn("log output did not take the queued lines within " + flushDeadline.toMillis() + " ms; about "
                    + queue.size() + " lines not written");
        }
        super.stop();
        output.stop();
    }

    /** Queued lines not yet written (for tests). */
    int queued() {
        return queue.size();
    }

    private void drain() {
        List<ILoggingEvent> batch = new ArrayList<>(BATCH);
        int emptyNaps = 0;
        while (true) {
            queue.drainTo(batch, BATCH);
            if (!batch.isEmpty()) { // the line awaitLine took is in it too
                write(batch);
                batch.clear();
                emptyNaps = 0;
            } else if (stopping) {
                return;
            } else if (emptyNaps < IDLE_NAPS) {
                emptyNaps++;
                LockSupport.parkNanos(NAP.toNanos());
            } else if (!awaitLine(batch)) {
                return;
            }
        }
    }

    /** Waits to be woken by the next line (put into {@code batch}); false when stopped meanwhile. */
    private boolean awaitLine(List<ILoggingEvent> batch) {
        try {
            ILoggingEvent next = queue.poll(1, TimeUnit.SECONDS);
            if (next != null) {
                batch.add(next);
            }
            return true;
        } catch (InterruptedException e) {
            return !stopping || !queue.isEmpty();
        }
    }

    private void write(List<ILoggingEvent> batch) {
        for (ILoggingEvent event : batch) {
            output.doAppend(event);
        }
        OutputStream stream = output.getOutputStream();
        if (stream != null) {
            try {
                stream.flush();
            } catch (IOException e) {
                addError("cannot flush the log output", e);
            }
        }
    }
}
