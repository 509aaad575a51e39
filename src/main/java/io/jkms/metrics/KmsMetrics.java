package io.jkms.metrics;

import io.jkms.catalog.Catalog;
import io.jkms.catalog.Family;
import io.jkms.catalog.KmsGroup;
import io.jkms.catalog.Product;
import io.jkms.dns.DnsPublisher;
import io.jkms.activation.ActivationEvent;
import io.jkms.activation.ActivationListener;
import io.jkms.activation.HostCounters;
import io.jkms.activation.Refusal;
import io.jkms.activation.RpcProblemListener;
import io.jkms.protocol.Hresult;
import io.jkms.registry.RegistryHealth;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The host's Prometheus metrics. Every label comes from a small fixed set (product family, protocol major,
 * result name, fault kind): never a CMID, a workstation name or an address. Counting is a lock-free increment,
 * so it is safe on the I/O thread.
 */
public final class KmsMetrics implements ActivationListener, RpcProblemListener {
    static final String UNKNOWN = "unknown";

    private final MeterRegistry registry;
    private final Map<UUID, String> familyByKmsId;
    private final Timer latency;
    // Micrometer holds the objects its gauges and function counters read only weakly: without a strong
    // reference they are collected at the next GC and the meters read NaN (or stop) from then on.
    private final List<Object> held = new CopyOnWriteArrayList<>();

    public KmsMetrics(MeterRegistry registry, Catalog catalog) {
        this.registry = registry;
        this.familyByKmsId = families(catalog);
        this.latency = Timer.builder("jkms.activation.duration")
                .description("Time from a decoded KMS request to its encoded answer")
                .publishPercentileHistogram().register(registry);
    }

    /** KMS ID → family label; a group whose products span families is labelled by its application. */
    private static Map<UUID, String> families(Catalog catalog) {
        Map<UUID, String> labels = new HashMap<>();
        for (KmsGroup group : catalog.kmsGroups()) {
            var families = catalog.productsOf(group.kmsId()).stream().map(Product::family).distinct().toList();
            String label = families.size() == 1 ? families.get(0).label()
                    : group.appId().equals(Catalog.WINDOWS_APP) ? "windows" : Family.OFFICE.label();
            labels.put(group.kmsId(), label);
        }
        return Map.copyOf(labels);
    }

    /** The family label of a KMS ID: a {@link Family#label()}, {@code windows}, or {@code unknown}. */
    public String family(UUID kmsId) {
        return familyByKmsId.getOrDefault(kmsId, UNKNOWN);
    }

    /** {@code activated}, the refusal's symbolic name in lower case, or {@code other}. */
    static String result(int hresult) {
        if (hresult == 0) {
            return "activated";
        }
        String name = Hresult.name(hresult);
        return name.startsWith("unknown") ? "other" : name.toLowerCase(Locale.ROOT);
    }

    /**
     * The counter of one label set, found by what the event carries (no label text built per activation: the
     * family is one of the catalog's strings, the protocol and the result are numbers until a counter is made).
     */
    private record Labels(String family, int protocol, int hresult) {
        static final int NO_PROTOCOL = -1;
    }

    private final java.util.concurrent.ConcurrentHashMap<Labels, Counter> activations =
            new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void onActivation(ActivationEvent event) {
        Labels labels = event.request().isEmpty() ? new Labels(UNKNOWN, Labels.NO_PROTOCOL, event.hresult())
                : new Labels(family(event.request().get().kmsId()), event.request().get().version().major(),
                        event.hresult());
        // Looked up once per label set: building and registering a meter on every activation costs more
        // than the activation's own crypto.
        activations.computeIfAbsent(labels, this::activationCounter).increment();
        latency.record(event.took().toNanos(), TimeUnit.NANOSECONDS);
    }

    private Counter activationCounter(Labels labels) {
        String protocol = labels.protocol() == Labels.NO_PROTOCOL ? UNKNOWN : Integer.toString(labels.protocol());
        return Counter.builder("jkms.activations").description("KMS activation requests answered")
                .tag("family", labels.family()).tag("protocol", protocol).tag("result", result(labels.hresult()))
                .register(registry);
    }

    @Override
    public void onProblem(RpcProblemListener.Kind kind, String detail) {
        String name = kind == RpcProblemListener.Kind.FAULT ? "jkms.rpc.faults" : "jkms.rpc.malformed";
        String description = kind == RpcProblemListener.Kind.FAULT ? "RPC requests answered with a FAULT PDU"
                : "Connections refused or closed for RPC input the host could not accept";
        Counter.builder(name).description(description).tag("kind", kind.name().toLowerCase(Locale.ROOT))
                .tag("detail", detail).register(registry).increment();
    }

    /** The gauge of open KMS connections. */
    public void bindConnections(IntSupplier openConnections) {
        held.add(openConnections);
        Gauge.builder("jkms.connections.open", openConnections, s -> s.getAsInt()).strongReference(true)
                .description("KMS (TCP) connections open now").register(registry);
    }

    /** Connections refused or closed by the host's access rules and limits, by reason. */
    public void bindRefusals(HostCounters counters) {
        held.add(counters);
        for (Refusal refusal : Refusal.values()) {
            FunctionCounter.builder("jkms.connections.refused", counters, c -> c.get(refusal))
                    .tag("reason", refusal.label())
                    .description("Connections refused or closed by access rules and limits").register(registry);
        }
    }

    /**
     * Whether this host's SRV record is published, and the UPDATEs that failed. Held strongly: the publisher is
     * reachable from nothing else the meter registry could keep alive.
     */
    public void bindDns(DnsPublisher publisher) {
        held.add(publisher);
        Gauge.builder("jkms.dns.published", publisher, p -> p.status().published() ? 1 : 0).strongReference(true)
                .description("1 while the host's _vlmcs._tcp SRV record is published by DNS UPDATE, else 0")
                .register(registry);
        FunctionCounter.builder("jkms.dns.publish.failures", publisher, p -> p.status().failures())
                .description("DNS UPDATEs of the host's SRV record that failed").register(registry);
    }

    /**
     * The registry writer's queue, lag, losses and writes: the very object {@code /api/health} reads, so the
     * two cannot disagree.
     */
    public void bindRegistry(RegistryHealth health) {
        held.add(health);
        Gauge.builder("jkms.registry.queue.depth", health, h -> h.queueDepth()).strongReference(true)
                .description("Activation records waiting to be written").register(registry);
        Gauge.builder("jkms.registry.lag", health, h -> h.lag().toNanos() / 1e9).strongReference(true)
                .baseUnit("seconds").description("Age of the oldest activation record waiting to be written")
                .register(registry);
        Gauge.builder("jkms.registry.degraded", health, h -> h.problem().isPresent() ? 1 : 0).strongReference(true)
                .description("1 while /api/health reports a registry problem (lag, drops, failing writes)")
                .register(registry);
        FunctionCounter.builder("jkms.registry.dropped", health, h -> h.dropped())
                .description("Activation records the registry dropped").register(registry);
        FunctionCounter.builder("jkms.registry.write.failures", health, h -> h.writeFailures())
                .description("Registry batch writes that failed (and were retried)").register(registry);
        FunctionCounter.builder("jkms.registry.writer.restarts", health, h -> h.writerRestarts())
                .description("Times an error hit the registry writer thread, which went on").register(registry);
        FunctionTimer.builder("jkms.registry.flush", health, h -> h.flushes(), h -> h.flushNanos(),
                TimeUnit.NANOSECONDS).description("Registry batch writes and the time they took").register(registry);
    }
}
