package io.jkms.registry;

import java.time.Duration;

/** What the metrics read about the registry writer; every getter is cheap and never blocks. */
public interface RegistryWriterStats {

    /** Records accepted and not yet stored (waiting in the queue or in the batch being written). */
    int queueDepth();

    /** The most records that can wait; past it new records are dropped. */
    int queueCapacity();

    /** Records dropped because the queue was full (the database was down or too slow for too long). */
    long dropped();

    /** Records stored so far (a retried record that was already stored counts once). */
    long stored();

    /** Batches that failed to write (each is retried, with backoff). */
    long writeFailures();

    /** How long the last successful batch took to write, zero before the first. */
    Duration lastFlushLatency();
}
