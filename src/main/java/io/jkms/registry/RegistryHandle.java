package io.jkms.registry;

import io.jkms.host.ActivationEvent;
import io.jkms.host.ActivationListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry as the host holds it: opened at start when it can be, and otherwise opened in the
 * background, retried until it works — an unwritable data directory, a full disk or an unreachable
 * database at start-up is reported (log, health page, metrics) and never stops activations. Until the
 * registry is open, activations are answered but not recorded, and counted as dropped.
 */
public final class RegistryHandle implements ActivationListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("io.jkms.registry");

    private final RegistrySettings settings;
    private final Clock clock;
    private final RandomGenerator random;
    private final AtomicLong droppedWhileClosed = new AtomicLong();
    private final ScheduledExecutorService retry;
    private volatile Registry registry;
    private volatile String problem;
    private final RegistryHealth health;
    private volatile boolean closed;

    private RegistryHandle(RegistrySettings settings, Clock clock, RandomGenerator random) {
        this.settings = settings;
        this.clock = clock;
        this.random = random;
        this.health = liveHealth();
        this.retry = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "registry-open");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Opens the registry now, or reports why not and keeps trying every {@code retryEvery}. */
    public static RegistryHandle open(RegistrySettings settings, Clock clock, RandomGenerator random,
                                      Duration retryEvery) {
        RegistryHandle handle = new RegistryHandle(settings, clock, random);
        if (!handle.tryOpen()) {
            LOG.error("client registry unavailable: {}. Activations go on but are not recorded until it opens; "
                    + "retrying every {} s", handle.problem, retryEvery.toSeconds());
            long every = retryEvery.toMillis();
            handle.retry.scheduleWithFixedDelay(handle::retryOpen, every, every, TimeUnit.MILLISECONDS);
        } else {
            handle.retry.shutdown();
        }
        return handle;
    }

    private synchronized boolean tryOpen() {
        if (closed) {
            return false;
        }
        try {
            registry = Registry.open(settings, clock, random);
            problem = null;
            return true;
        } catch (RuntimeException e) { // RegistryException, or a driver failure it did not wrap
            problem = Credentials.redact(e.getMessage(), settings);
            return false;
        }
    }

    private void retryOpen() {
        if (registry == null && tryOpen()) {
            LOG.info("client registry opened ({} activations were answered while it was unavailable)",
                    droppedWhileClosed.get());
            retry.shutdown();
        }
    }

    /** The registry, once open. */
    public Optional<Registry> current() {
        return Optional.ofNullable(registry);
    }

    public RegistrySettings settings() {
        return settings;
    }

    @Override
    public void onActivation(ActivationEvent event) {
        Registry open = registry;
        if (open != null) {
            open.writer().onActivation(event);
        } else {
            droppedWhileClosed.incrementAndGet();
        }
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
        return new RegistryHealth() {
            private Optional<RegistryHealth> open() {
                return Optional.ofNullable(registry).map(Registry::health);
            }

            @Override
            public long queueDepth() {
                return open().map(RegistryHealth::queueDepth).orElse(0L);
            }

            @Override
            public long queueCapacity() {
                return settings.queueCapacity();
            }

            @Override
            public Duration lag() {
                return open().map(RegistryHealth::lag).orElse(Duration.ZERO);
            }

            @Override
            public long stored() {
                return open().map(RegistryHealth::stored).orElse(0L);
            }

            @Override
            public long writeFailures() {
                return open().map(RegistryHealth::writeFailures).orElse(0L);
            }

            @Override
            public long writerRestarts() {
                return open().map(RegistryHealth::writerRestarts).orElse(0L);
            }

            @Override
            public long dropped() {
                return droppedWhileClosed.get() + open().map(RegistryHealth::dropped).orElse(0L);
            }

            @Override
            public long flushes() {
                return open().map(RegistryHealth::flushes).orElse(0L);
            }

            @Override
            public long flushNanos() {
                return open().map(RegistryHealth::flushNanos).orElse(0L);
            }

            @Override
            public String kind() {
                return settings.databaseUrl().isPresent() ? "postgresql" : "sqlite";
            }

            @Override
            public Optional<String> problem() {
                String notOpen = problem;
                if (registry == null && notOpen != null) {
                    return Optional.of("registry not open: " + notOpen);
                }
                return open().flatMap(RegistryHealth::problem);
            }
        };
    }

    /** Stores everything queued and closes the registry; stops trying to open it. */
    @Override
    public synchronized void close() {
        closed = true;
        retry.shutdownNow();
        Registry open = registry;
        if (open != null) {
            open.close();
        }
    }
}
