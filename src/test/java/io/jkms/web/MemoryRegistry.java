package io.jkms.web;

import io.jkms.catalog.Catalog;
import io.jkms.catalog.KmsGroup;
import io.jkms.catalog.Product;
import io.jkms.activation.ActivationEvent;
import io.jkms.activation.ActivationListener;
import io.jkms.protocol.KmsRequest;
import io.jkms.registry.ActivationRecord;
import io.jkms.registry.ClientQuery;
import io.jkms.registry.ClientSummary;
import io.jkms.registry.RegistryHealth;
import io.jkms.registry.RegistryReader;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What this process has seen, for a host without a database: the newest {@code maxRecords} activation requests
 * and the {@code maxClients} most recently seen clients, in memory. The I/O thread never waits: it queues the
 * record (dropping it when {@code maxPending} are already queued) and folds the queue in only when the lock is
 * free; readers fold it in before they read.
 */
public final class MemoryRegistry implements RegistryReader, RegistryHealth, ActivationListener {
    static final UUID NIL = new UUID(0, 0);

    private final Catalog catalog;
    private final int maxRecords;
    private final int maxClients;
    private final int maxPending;
    private final ConcurrentLinkedQueue<ActivationRecord> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong flushes = new AtomicLong();
    private final AtomicLong flushNanos = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<ActivationRecord> records = new ArrayDeque<>();
    private final Map<List<UUID>, ClientSummary> clients = new LinkedHashMap<>(16, 0.75f, true);

    public MemoryRegistry(Catalog catalog, int maxRecords, int maxClients, int maxPending) {
        this.catalog = catalog;
        this.maxRecords = maxRecords;
        this.maxClients = maxClients;
        this.maxPending = maxPending;
    }

    public MemoryRegistry(Catalog catalog) {
        this(catalog, 50_000, 20_000, 10_000);
    }

    @Override
    public void onActivation(ActivationEvent event) {
        if (pendingCount.incrementAndGet() > maxPending) {
            pendingCount.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        pending.add(record(event, new UUID(0, sequence.incrementAndGet())));
        if (lock.tryLock()) {
            try {
                drain();
            } finally {
                lock.unlock();
            }
        }
    }

    static ActivationRecord record(ActivationEvent e, UUID eventId) {
        Optional<KmsRequest> r = e.request();
        return new ActivationRecord(eventId, e.at(), r.map(KmsRequest::cmid).orElse(NIL),
                r.map(KmsRequest::appId).orElse(NIL), r.map(KmsRequest::skuId).orElse(NIL),
                r.map(KmsRequest::kmsId).orElse(NIL), r.map(KmsRequest::workstationName).orElse(""),
                r.map(KmsRequest::licenseStatus).orElse(0L), r.map(q -> q.vmInfo() != 0).orElse(false),
                r.map(q -> q.version().major()).orElse(0), address(e.peer()),
                e.response().map(io.jkms.protocol.KmsResponse::epid), e.hresult(), e.took());
    }

    static String address(SocketAddress peer) {
        if (peer instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return String.valueOf(peer);
    }

    /** Folds queued records in; the lock is held. */
    private void drain() {
        long started = System.nanoTime();
        int n = 0;
        for (ActivationRecord record; (record = pending.poll()) != null; n++) {
            pendingCount.decrementAndGet();
            records.addLast(record);
            if (records.size() > maxRecords) {
                records.removeFirst();
            }
            if (!record.cmid().equals(NIL)) {
                clients.merge(List.of(record.cmid(), record.appId()), summary(record), MemoryRegistry::fold);
                if (clients.size() > maxClients) {
                    Iterator<List<UUID>> eldest = clients.keySet().iterator();
                    eldest.next();
                    eldest.remove();
                }
            }
        }
        if (n > 0) {
            flushes.incrementAndGet();
            flushNanos.addAndGet(System.nanoTime() - started);
        }
    }

    private static ClientSummary summary(ActivationRecord r) {
        return new ClientSummary(r.cmid(), r.appId(), r.workstation(), r.skuId(), r.kmsId(), r.licenseStatus(),
                r.virtualMachine(), r.protocolMajor(), r.clientAddress(), r.at(), r.at(), 1, r.epid(), r.hresult());
    }

    private static ClientSummary fold(ClientSummary old, ClientSummary now) {
        return new ClientSummary(now.cmid(), now.appId(), now.workstation(), now.skuId(), now.kmsId(),
                now.licenseStatus(), now.virtualMachine(), now.protocolMajor(), now.clientAddress(), old.firstSeen(),
                now.lastSeen(), old.requests() + 1, now.epid().or(old::epid), now.lastHresult());
    }

    private <T> T read(java.util.function.Supplier<T> reader) {
        lock.lock();
        try {
            drain();
            return reader.get();
        } finally {
            lock.unlock();
        }
    }

    /** The product's name, else its KMS group's, else empty. */
    String productName(UUID skuId, UUID kmsId) {
        return catalog.product(skuId).map(Product::name)
                .or(() -> catalog.kmsGroup(kmsId).map(KmsGroup::name)).orElse("");
    }

    @Override
    public Page<ClientSummary> clients(ClientQuery query) {
        String q = query.search().toLowerCase(Locale.ROOT);
        List<ClientSummary> all = read(() -> new ArrayList<>(clients.values()));
        List<ClientSummary> hits = all.stream().filter(c -> q.isEmpty() || matches(c, q))
                .sorted(order(query)).toList();
        long from = (long) query.page() * query.size();
        List<ClientSummary> rows = from >= hits.size() ? List.of()
                : hits.subList((int) from, (int) Math.min(hits.size(), from + query.size()));
        return new Page<>(List.copyOf(rows), hits.size(), query.page(), query.size());
    }

    private boolean matches(ClientSummary c, String q) {
        return c.workstation().toLowerCase(Locale.ROOT).contains(q) || c.cmid().toString().contains(q)
                || c.clientAddress().toLowerCase(Locale.ROOT).contains(q)
                || productName(c.skuId(), c.kmsId()).toLowerCase(Locale.ROOT).contains(q);
    }

    private Comparator<ClientSummary> order(ClientQuery query) {
        Comparator<ClientSummary> by = switch (query.sort()) {
            case "firstSeen" -> Comparator.comparing(ClientSummary::firstSeen);
            case "workstation" -> Comparator.comparing(c -> c.workstation().toLowerCase(Locale.ROOT));
            case "requests" -> Comparator.comparingLong(ClientSummary::requests);
            case "product" -> Comparator.comparing(c -> productName(c.skuId(), c.kmsId()));
            case "address" -> Comparator.comparing(ClientSummary::clientAddress);
            default -> Comparator.comparing(ClientSummary::lastSeen);
        };
        by = query.descending() ? by.reversed() : by;
        return by.thenComparing(c -> c.cmid().toString()).thenComparing(c -> c.appId().toString());
    }

    @Override
    public Optional<ClientDetail> client(UUID cmid, int historyLimit) {
        return read(() -> {
            List<ClientSummary> apps = clients.values().stream().filter(c -> c.cmid().equals(cmid))
                    .sorted(Comparator.comparing(ClientSummary::lastSeen).reversed()).toList();
            if (apps.isEmpty()) {
                return Optional.empty();
            }
            List<ActivationRecord> history = new ArrayList<>();
            for (Iterator<ActivationRecord> it = records.descendingIterator(); it.hasNext()
                    && history.size() < historyLimit; ) {
                ActivationRecord r = it.next();
                if (r.cmid().equals(cmid)) {
                    history.add(r);
                }
            }
            return Optional.of(new ClientDetail(cmid, apps, List.copyOf(history)));
        });
    }

    @Override
    public List<ActivationRecord> activations(Instant from, Instant to, int limit) {
        return read(() -> {
            List<ActivationRecord> out = new ArrayList<>();
            for (Iterator<ActivationRecord> it = records.descendingIterator(); it.hasNext() && out.size() < limit; ) {
                ActivationRecord r = it.next();
                if (!r.at().isBefore(from) && r.at().isBefore(to)) {
                    out.add(r);
                }
            }
            return List.copyOf(out);
        });
    }

    @Override
    public long distinctClients(UUID kmsId, Instant since) {
        return read(() -> clients.values().stream().filter(c -> c.kmsId().equals(kmsId))
                .filter(c -> !c.lastSeen().isBefore(since)).map(ClientSummary::cmid).distinct().count());
    }

    @Override
    public RegistryStats stats(Instant since) {
        return read(() -> {
            java.util.SortedMap<String, Long> perDay = new java.util.TreeMap<>();
            Map<UUID, Long> byKmsId = new LinkedHashMap<>();
            Map<Integer, Long> byHresult = new LinkedHashMap<>();
            for (ActivationRecord r : records) {
                if (r.at().isBefore(since)) {
                    continue;
                }
                if (r.activated()) {
                    perDay.merge(r.at().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString(), 1L, Long::sum);
                    byKmsId.merge(r.kmsId(), 1L, Long::sum);
                } else {
                    byHresult.merge(r.hresult(), 1L, Long::sum);
                }
            }
            Map<UUID, Set<UUID>> machines = new LinkedHashMap<>();
            for (ClientSummary c : clients.values()) {
                if (!c.lastSeen().isBefore(since)) {
                    machines.computeIfAbsent(c.kmsId(), k -> new HashSet<>()).add(c.cmid());
                }
            }
            Map<UUID, Long> clientsByKmsId = new LinkedHashMap<>();
            machines.forEach((k, v) -> clientsByKmsId.put(k, (long) v.size()));
            return new RegistryStats(perDay, byKmsId, byHresult, clientsByKmsId);
        });
    }

    @Override
    public long queueDepth() {
        return pendingCount.get();
    }

    @Override
    public long dropped() {
        return dropped.get();
    }

    @Override
    public long flushes() {
        return flushes.get();
    }

    @Override
    public long flushNanos() {
        return flushNanos.get();
    }

    @Override
    public String kind() {
        return "memory (what this process saw; bounded)";
    }
}
