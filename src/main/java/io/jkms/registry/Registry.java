package io.jkms.registry;

import io.jkms.activation.ClientCounter;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * The client registry of one host: the database (migrated on open), the writer that records activations
 * off the I/O thread, the reader the dashboard uses and, when asked for, real client counting.
 */
public final class Registry implements AutoCloseable {
    /** How often real client counting reloads what every host sharing the database has stored. */
    public static final Duration COUNT_REFRESH = Duration.ofSeconds(5);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final RegistryDatabase database;
    private final RegistryWriter writer;
    private final JdbcRegistryReader reader;
    private final ActiveClientCounter counter;
    private final RegistrySettings settings;
    private ScheduledExecutorService refresher;

    private Registry(RegistryDatabase database, RegistrySettings settings, Clock clock, PendingWriter pending) {
        this.database = database;
        this.settings = settings;
        ActivationRepository repository = new ActivationRepository(database.writeDataSource(), database.dialect());
        pending.store().set(repository);
        this.writer = pending.writer();
        this.reader = new JdbcRegistryReader(database.dataSource());
        this.counter = new ActiveClientCounter(repository, clock);
    }

    /** Opens (creating the SQLite file and its directory if needed), migrates and starts the writer. */
    public static Registry open(RegistrySettings settings, Clock clock, RandomGenerator random) {
        return open(settings, clock, PendingWriter.create(settings, clock, random));
    }

    /**
     * As {@link #open(RegistrySettings, Clock, RandomGenerator)}, over a writer that may already hold records
     * queued while the database was opening; they are written first.
     */
    static Registry open(RegistrySettings settings, Clock clock, PendingWriter pending) {
        Registry registry = new Registry(RegistryDatabase.open(settings), settings, clock, pending);
        registry.writer.start();
        return registry;
    }

    /** A writer that queues from the first activation, and the store it writes to once the database is open. */
    record PendingWriter(RegistryWriter writer, DeferredStore store) {
        static PendingWriter create(RegistrySettings settings, Clock clock, RandomGenerator random) {
            DeferredStore store = new DeferredStore();
            return new PendingWriter(new RegistryWriter(store, clock, random, settings.queueCapacity(),
                    settings.flushInterval(), settings.retention(), CLOSE_TIMEOUT), store);
        }
    }

    /** The listener to give the host: records every activation. */
    public RegistryWriter writer() {
        return writer;
    }

    public RegistryWriterStats stats() {
        return writer;
    }

    /** Queue depth, drops, flush times and problems, for metrics and the health page. */
    public RegistryHealth health() {
        return new WriterHealth(writer, settings, writer::problem);
    }

    public RegistryReader reader() {
        return reader;
    }

    public RegistrySettings settings() {
        return settings;
    }

    /**
     * Real client counting over this registry: loads the counts now, then refreshes them every
     * {@link #COUNT_REFRESH} on a thread of its own. Every KMS ID counts in one shared pool unless
     * {@link #clientCounter(Set)} named those to count one by one.
     */
    public synchronized ClientCounter clientCounter() {
        if (refresher == null) {
            counter.refresh();
            refresher = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "registry-counts");
                thread.setDaemon(true);
                return thread;
            });
            long every = COUNT_REFRESH.toMillis();
            refresher.scheduleWithFixedDelay(counter::refresh, every, every, TimeUnit.MILLISECONDS);
        }
        return counter;
    }

    /**
     * As {@link #clientCounter()}, counting the given KMS IDs (the catalog's) one by one and every other KMS ID a
     * client sends in one shared pool; called again (a reloaded catalog), it counts the new set from now on.
     */
    public synchronized ClientCounter clientCounter(Set<UUID> catalogKmsIds) {
        counter.countIndividually(catalogKmsIds);
        if (refresher != null) {
            counter.refresh();
        }
        return clientCounter();
    }

    /** The counter itself, for tests of what it keeps. */
    ActiveClientCounter counter() {
        return counter;
    }

    /** Reloads the client counts now (what the refresh thread does every few seconds). */
    public void refreshCounts() {
        counter.refresh();
    }

    /** Stores everything queued, then closes the database. Call after the server has drained. */
    @Override
    public void close() {
        synchronized (this) {
            if (refresher != null) {
                refresher.shutdownNow();
            }
        }
        try {
            writer.close();
        } finally {
            database.close();
        }
    }
}
