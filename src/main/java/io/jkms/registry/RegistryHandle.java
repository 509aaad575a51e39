package io.jkms.registry;

import io.jkms.activation.ActivationEvent;
import io.jkms.activation.ActivationListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry as the host holds it: opened (and migrated) in the background while the host already
 * answers, or at start for callers that need it open at once, and retried until it works — an unwritable
 * data directory, a full disk or an unreachable or locked database at start-up is reported (log, health
 * page, metrics) and never stops activations. Until the registry is open, activation records wait in the
 * writer's queue, as during a database outage (dropped and counted only once it is full), and are written
 * first once it opens.
 */
public final class RegistryHandle implements ActivationListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("io.jkms.registry");

    private final RegistrySettings settings;
    private final Clock clock;
    private final Registry.PendingWriter pending;
    private final ScheduledExecutorService retry;
    private final CountDownLatch opened = new CountDownLatch(1);
    private volatile Registry registry;
    private volatile String problem;
    private final RegistryHealth health;
    private volatile boolean closed;

    private RegistryHandle(RegistrySettings settings, Clock clock, RandomGenerator random) {
        this.settings = settings;
        this.clock = clock;
        this.pending = Registry.PendingWriter.create(settings, clock, random);
        this.health = liveHealth();
        this.retry = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "registry-open");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens the registry now, or reports why not and keeps trying every {@code retryEvery}. For a host that
     * needs it open before its first answer (real client counting).
     */
    public static RegistryHandle open(RegistrySettings settings, Clock clock, RandomGenerator random,
                                      Duration retryEvery) {
        RegistryHandle handle = new RegistryHandle(settings, clock, random);
        handle.firstAttempt(retryEvery);
        return handle;
    }

    /**
     * Returns at once and opens the registry on a thread of its own, then keeps trying every {@code retryEvery}
     * if it fails: the host listens and answers meanwhile, and the records wait in the queue.
     */
    public static RegistryHandle openInBackground(RegistrySettings settings, Clock clock, RandomGenerator random,
                                                  Duration retryEvery) {
        RegistryHandle handle = new RegistryHandle(settings, clock, random);
        handle.retry.execute(() -> handle.firstAttempt(retryEvery));
        return handle;
    }

    private void firstAttempt(Duration retryEvery) {
        if (tryOpen()) {
            retry.shutdown();
            return;
        }
        if (closed) {
            return;
        }
        LOG.error("client registry unavailable: {}. Activations go on; their records wait in the queue (up to {}) "
                + "until it opens; retrying every {} s", problem, settings.queueCapacity(), retryEvery.toSeconds());
        long every = retryEvery.toMillis();
        retry.scheduleWithFixedDelay(this::retryOpen, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens without holding the lock (a database may take long to answer, and {@link #close()} must not wait
     * for it), then publishes the registry unless the handle was closed meanwhile.
     */
    private boolean tryOpen() {
        if (closed) {
            return false;
        }
        Registry open;
        try {
            open = Registry.open(settings, clock, pending);
        } catch (RuntimeException e) { // RegistryException, or a driver failure it did not wrap
            problem = Credentials.redact(e.getMessage(), settings);
            return false;
        }
        synchronized (this) {
            if (closed) {
                open.close();
                return false;
            }
            registry = open;
            problem = null;
        }
        opened.countDown();
        return true;
    }

    private void retryOpen() {
        if (registry == null && tryOpen()) {
            LOG.info("client registry opened; writing the {} activation record(s) queued meanwhile",
                    pending.writer().queueDepth());
            retry.shutdown();
        }
    }

    /** The registry once open, waiting for it up to {@code timeout} (tests, tools; never an I/O thread). */
    public Optional<Registry> awaitOpen(Duration timeout) {
        try {
            opened.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return current();
    }

    /** The registry, once open. */
    public Optional<Registry> current() {
        return Optional.ofNullable(registry);
    }

    public RegistrySettings settings() {
        return settings;
    }

    /** Queues the record, whether or not the database is open yet (the writer starts once it is). */
    @Override
    public void onActivation(ActivationEvent event) {
        pending.writer().onActivation(event);
    }

    /** What the dashboard reads: the registry's contents once open, nothing before. */
    public RegistryReader reader() {
        return new RegistryReader() {
            private RegistryReader target() {
                Registry open = registry;
                return open == null ? NoRegistry.INSTANCE : open.reader();
            }

            @Override
            public Page<ClientSummary> clients(ClientQuery query) {
                return target().clients(query);
            }

            @Override
            public Optional<String> unavailable() {
                return registry == null ? problem() : Optional.empty();
            }

            @Override
            public Optional<ClientDetail> client(UUID cmid, int historyLimit) {
                return target().client(cmid, historyLimit);
            }

            @Override
            public List<ActivationRecord> activations(Instant from, Instant to, int limit) {
                return target().activations(from, to, limit);
            }

            @Override
            public long distinctClients(UUID kmsId, Instant since) {
                return target().distinctClients(kmsId, since);
            }

            @Override
            public RegistryStats stats(Instant since) {
                return target().stats(since);
            }
        };
    }

    /**
     * Queue, drops and problems, for metrics and the health page, whether or not the registry is open: one
     * object, so that both read the same live state.
     */
    public RegistryHealth health() {
        return health;
    }

    private RegistryHealth liveHealth() {
        return new WriterHealth(pending.writer(), settings, this::problem);
    }

    /** The open registry's problem, else that it is not open yet, and how much waits meanwhile. */
    private Optional<String> problem() {
        Registry open = registry;
        if (open != null) {
            return open.health().problem();
        }
        String notOpen = problem;
        return Optional.of((notOpen == null ? "registry opening" : "registry not open: " + notOpen) + "; "
                + pending.writer().queueDepth() + " record(s) waiting");
    }

    /**
     * Stores everything queued and closes the registry; stops trying to open it. Records still queued for a
     * registry that never opened are lost, and said so.
     */
    @Override
    public void close() {
        Registry open;
        synchronized (this) {
            closed = true;
            open = registry;
        }
        retry.shutdownNow();
        if (open != null) {
            open.close();
        } else if (pending.writer().queueDepth() > 0) {
            LOG.error("registry: closed before the database opened; {} activation record(s) not stored",
                    pending.writer().queueDepth());
        }
    }
}
