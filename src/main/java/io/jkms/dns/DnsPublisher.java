package io.jkms.dns;

import io.jkms.client.HostAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Resolver;

/**
 * Keeps this host's {@code _vlmcs._tcp} SRV record in DNS, as a Windows KMS host does: publishes it at start and
 * every {@code refresh}, retries a failed UPDATE with a doubling back-off, publishes again when a reload changes
 * the record, and removes it (only it) on a clean stop. Everything runs on one thread of its own: activations and
 * start-up never wait for DNS. The fields below {@code status} are touched by that thread only.
 */
public final class DnsPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("io.jkms.dns");

    private final ScheduledExecutorService thread;
    private final int port;
    private final Function<String, String> hostName;
    private final Supplier<Resolver> lookups;
    private final Clock clock;
    private final AtomicLong failures = new AtomicLong();
    private volatile DnsPublishStatus status = DnsPublishStatus.OFF;

    private volatile Optional<DnsSettings> settings = Optional.empty();
    private Optional<KmsSrvRecord> published = Optional.empty();
    private int failuresInRow;
    private ScheduledFuture<?> next;

    /** This machine's fully qualified name, the default target (a bare name is completed with the zone). */
    public static String thisHostName(String zone) {
        return LocalHostName.forZone(KmsSrvRecord.hostName(zone, "zone"));
    }

    /** A publisher for a host listening on {@code port}, with this machine's name and the system's resolvers. */
    public static DnsPublisher forHost(int port, Clock clock) {
        return new DnsPublisher(port, LocalHostName::forZone, ExtendedResolver::new, clock);
    }

    /**
     * @param port     the KMS port the record names
     * @param hostName this machine's name for a zone, when {@code --dns-target} is not given (asked on the
     *                 publisher's thread: it may take a lookup)
     * @param lookups  the resolver that finds a zone's primary when {@code --dns-server} is not given
     */
    public DnsPublisher(int port, Function<String, String> hostName, Supplier<Resolver> lookups, Clock clock) {
        this.port = port;
        this.hostName = hostName;
        this.lookups = lookups;
        this.clock = clock;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jkms-dns");
            t.setDaemon(true);
            return t;
        });
    }

    /** Publishes as {@code next} says from now on (removing what the previous settings published, if it differs). */
    public void update(Optional<DnsSettings> nextSettings) {
        try {
            thread.execute(() -> apply(nextSettings));
        } catch (RejectedExecutionException e) {
            LOG.debug("DNS publisher already stopped; settings ignored");
        }
    }

    public DnsPublishStatus status() {
        return status;
    }

    private void apply(Optional<DnsSettings> nextSettings) {
        if (nextSettings.equals(settings)) {
            return;
        }
        cancelNext();
        if (nextSettings.isEmpty()) {
            remove();
            settings = nextSettings;
            status = DnsPublishStatus.OFF;
            return;
        }
        if (settings.isPresent() && published.isPresent()
                && !settings.get().server().equals(nextSettings.get().server())) {
            remove(); // the old server would keep the record otherwise
        }
        settings = nextSettings;
        failuresInRow = 0;
        publish();
    }

    private void publish() {
        DnsSettings s = settings.orElseThrow();
        Optional<KmsSrvRecord> record = Optional.empty();
        try {
            KmsSrvRecord wanted = s.record(port, hostName.apply(s.zone()));
            record = Optional.of(wanted);
            Optional<KmsSrvRecord> stale = published.filter(p -> !p.equals(wanted));
            new DnsUpdater(s.key(), s.timeout()).send(server(s), stale, record);
            if (failuresInRow > 0 || !published.equals(record)) {
                LOG.info("DNS: published {}", record.get().zoneLine());
            }
            published = record;
            failuresInRow = 0;
            status = new DnsPublishStatus(true, record.map(KmsSrvRecord::zoneLine), true, failures.get(),
                    Optional.empty(), Optional.of(clock.instant()));
            schedule(s.refresh());
        } catch (DnsUpdateException | RuntimeException e) {
            // Not only refusals: anything escaping here would end the scheduled task, and publishing with it.
            failuresInRow++;
            Duration wait = backOff(s);
            String problem = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.warn("DNS: publishing {} failed, next try in {}s: {}",
                    record.map(KmsSrvRecord::owner).orElse(KmsSrvRecord.SERVICE + "." + s.zone() + "."),
                    wait.toMillis() / 1000.0, problem);
            status = new DnsPublishStatus(true, record.map(KmsSrvRecord::zoneLine), false, failures.incrementAndGet(),
                    Optional.of(problem), status.publishedAt());
            schedule(wait);
        }
    }

    /** {@code retry}, doubled for each further failure in a row, at most {@code refresh}. */
    private Duration backOff(DnsSettings s) {
        Duration wait = s.retry().multipliedBy(1L << Math.min(failuresInRow - 1, 20));
        return wait.compareTo(s.refresh()) > 0 ? s.refresh() : wait;
    }

    private InetSocketAddress server(DnsSettings s) throws DnsUpdateException {
        HostAddress server = s.server().isPresent() ? s.server().get()
                : ZonePrimary.find(lookups.get(), KmsSrvRecord.absolute(s.zone()));
        InetSocketAddress address = new InetSocketAddress(server.host(), server.port());
        if (address.isUnresolved()) {
            throw new DnsUpdateException("cannot resolve the DNS server's name " + server.host());
        }
        return address;
    }

    private void schedule(Duration delay) {
        next = thread.schedule(this::publish, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelNext() {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
    }

    /** Deletes the exact record this host published, if any; a failure is logged (the record's TTL ages it out). */
    private void remove() {
        if (settings.isEmpty() || published.isEmpty()) {
            return;
        }
        KmsSrvRecord record = published.get();
        try {
            new DnsUpdater(settings.get().key(), settings.get().timeout()).send(server(settings.get()), published,
                    Optional.empty());
            LOG.info("DNS: removed {}", record.zoneLine());
            published = Optional.empty();
            DnsPublishStatus s = status;
            status = new DnsPublishStatus(s.enabled(), s.record(), false, s.failures(), s.problem(), s.publishedAt());
        } catch (DnsUpdateException e) {
            LOG.warn("DNS: could not remove {}: {}", record.zoneLine(), e.getMessage());
        }
    }

    /** Removes this host's record (waiting at most twice the DNS timeout), then stops the thread. */
    @Override
    public void close() {
        Duration timeout = settings.map(DnsSettings::timeout).orElse(DnsSettings.DEFAULT_TIMEOUT);
        try {
            Future<?> removal = thread.submit(() -> {
                cancelNext();
                remove();
            });
            removal.get(timeout.toMillis() * 2 + 1000, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException | ExecutionException | TimeoutException e) {
            LOG.warn("DNS: the record could not be removed in time: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            thread.shutdownNow();
        }
    }
}
