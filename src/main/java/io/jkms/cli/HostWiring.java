package io.jkms.cli;

import io.jkms.catalog.Catalog;
import io.jkms.catalog.CatalogException;
import io.jkms.config.ClientCount;
import io.jkms.config.ConfigException;
import io.jkms.config.HostConfig;
import io.jkms.config.PolicyConfig;
import io.jkms.dns.DnsPublishStatus;
import io.jkms.dns.DnsPublisher;
import io.jkms.activation.ActivationHandler;
import io.jkms.activation.ActivationListener;
import io.jkms.host.ActivationLog;
import io.jkms.activation.ActivationPolicy;
import io.jkms.activation.ClientCountPolicy;
import io.jkms.activation.HostIdentity;
import io.jkms.host.KmsServer;
import io.jkms.host.ListenerSettings;
import io.jkms.activation.PolicySettings;
import io.jkms.metrics.JvmMetrics;
import io.jkms.metrics.KmsMetrics;
import io.jkms.registry.Registry;
import io.jkms.registry.RegistryException;
import io.jkms.registry.RegistryHandle;
import io.jkms.registry.RegistryHealth;
import io.jkms.web.ReadinessProbe;
import io.jkms.web.WebServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Optional;
import io.jkms.rpc.RpcSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A started host: everything built from one configuration, and the one place that applies a new
 * configuration (SIGHUP) to it without dropping a connection. A configuration or catalog that does not
 * load leaves the running one in place.
 */
final class HostWiring implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("io.jkms.host");

    private final KmsServer server;
    private final Optional<RegistryHandle> registry;
    private final PrometheusMeterRegistry meters;
    private final JvmMetrics jvm;
    private final Optional<WebServer> web;
    private final DnsPublisher dns;
    private final ActivationHandler handler;
    private final ActivationLog log;
    private final RandomGenerator random;
    private final Clock clock;
    private volatile HostConfig config;
    private volatile Catalog catalog;
    private volatile HostIdentity identity;

    private HostWiring(KmsServer server, Optional<RegistryHandle> registry, ActivationHandler handler, ActivationLog log,
                        HostConfig config, Catalog catalog, HostIdentity identity, RandomGenerator random, Clock clock,
                        PrometheusMeterRegistry meters, JvmMetrics jvm, Optional<WebServer> web, DnsPublisher dns) {
        this.server = server;
        this.dns = dns;
        this.meters = meters;
        this.jvm = jvm;
        this.web = web;
        this.registry = registry;
        this.handler = handler;
        this.log = log;
        this.config = config;
        this.catalog = catalog;
        this.identity = identity;
        this.random = random;
        this.clock = clock;
    }

    /**
     * Builds and starts a host; {@code listeners} are told of every activation besides the log and the
     * registry.
     *
     * @throws io.jkms.registry.RegistryException when the registry database cannot be opened or migrated
     */
    static HostWiring start(HostConfig config, Catalog catalog, RandomGenerator random, Clock clock,
                             List<ActivationListener> listeners) throws IOException {
        HostIdentity identity = identity(config, catalog, random, clock);
        // The host listens and answers while the registry opens and migrates (records wait in its queue), unless
        // real client counting needs the registry's counts for the first answer.
        boolean countsNeeded = config.policy().clientCount() instanceof ClientCount.Real;
        Optional<RegistryHandle> registry = config.registry().map(settings -> countsNeeded
                ? RegistryHandle.open(settings, clock, random, REGISTRY_RETRY)
                : RegistryHandle.openInBackground(settings, clock, random, REGISTRY_RETRY));
        Parts parts = new Parts(registry);
        try {
            parts.meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            parts.jvm = new JvmMetrics(parts.meters);
            KmsMetrics metrics = new KmsMetrics(parts.meters, catalog);
            ActivationLog log = new ActivationLog(catalog);
            List<ActivationListener> all = new ArrayList<>();
            all.add(ReadinessProbe.skippingProbes(log)); // the self-check is no client: /readyz reports it
            all.add(ReadinessProbe.skippingProbes(metrics));
            registry.ifPresent(r -> all.add(ReadinessProbe.skippingProbes(r)));
            all.addAll(listeners);
            ActivationHandler handler = new ActivationHandler(policy(config, catalog, identity, registry, clock), random,
                    clock, all);
            int threads = config.threads() == 0 ? Runtime.getRuntime().availableProcessors() : config.threads();
            parts.server = KmsServer.start(listenerSettings(config, identity), handler, metrics, random, config.io(),
                    threads);
            metrics.bindConnections(parts.server::openConnections);
            metrics.bindRegistry(registry.map(RegistryHandle::health).orElse(RegistryHealth.NONE));
            metrics.bindRefusals(parts.server.counters());
            // Publishing starts on its own thread: start-up and activations never wait for DNS.
            parts.dns = DnsPublisher.forHost(parts.server.boundAddresses().get(0).getPort(), clock);
            parts.dns.update(config.dns());
            metrics.bindDns(parts.dns);
            Optional<WebServer> web = config.web().bind().isEmpty() ? Optional.empty()
                    : Optional.of(DashboardWiring.start(config.web(), parts.server, identity, catalog, registry,
                            parts.meters, parts.dns, random, clock));
            return new HostWiring(parts.server, registry, handler, log, config, catalog, identity, random, clock,
                    parts.meters, parts.jvm, web, parts.dns);
        } catch (IOException | RuntimeException e) {
            parts.close();
            throw e;
        }
    }

    /** What has been started so far, to be released if a later step of start-up fails. */
    private static final class Parts {
        final Optional<RegistryHandle> registry;
        PrometheusMeterRegistry meters;
        JvmMetrics jvm;
        KmsServer server;
        DnsPublisher dns;

        Parts(Optional<RegistryHandle> registry) {
            this.registry = registry;
        }

        void close() {
            if (dns != null) {
                dns.close();
            }
            if (server != null) {
                server.close();
            }
            if (jvm != null) {
                jvm.close();
            }
            if (meters != null) {
                meters.close();
            }
            registry.ifPresent(RegistryHandle::close);
        }
    }

    /** How often a registry that could not be opened at start is tried again. */
    static final java.time.Duration REGISTRY_RETRY = java.time.Duration.ofSeconds(10);

    /** Real client counting needs the registry open from the first request: it cannot wait for a retry. */
    private static Registry openRegistry(Optional<RegistryHandle> handle) {
        return handle.flatMap(RegistryHandle::current).orElseThrow(() -> new RegistryException(
                "client-count real needs the client registry, which could not be opened: "
                        + handle.flatMap(h -> h.health().problem()).orElse("registry off")));
    }

    /** The configured policy, real client counting wired to the registry's counter. */
    private static ActivationPolicy policy(HostConfig config, Catalog catalog, HostIdentity identity,
                                           Optional<RegistryHandle> registry, Clock clock) {
        PolicyConfig configured = config.policy();
        ClientCountPolicy clientCount;
        if (configured.clientCount() instanceof ClientCount.Fixed fixed) {
            clientCount = new ClientCountPolicy.Fixed(fixed.count());
        } else if (configured.clientCount() instanceof ClientCount.Real) {
            clientCount = new ClientCountPolicy.Counted(openRegistry(registry).clientCounter(catalogKmsIds(catalog)));
        } else {
            clientCount = new ClientCountPolicy.Charged();
        }
        PolicySettings settings = new PolicySettings(configured.activationInterval(), configured.renewalInterval(),
                clientCount, configured.whitelistLevel(), configured.clientTimeCheck()
                        ? Optional.of(PolicySettings.GENUINE_TIME_TOLERANCE) : Optional.empty());
        return new ActivationPolicy(settings, catalog, identity, clock);
    }

    /** Real client counting counts these KMS IDs one by one, and any other KMS ID in one shared pool. */
    private static java.util.Set<java.util.UUID> catalogKmsIds(Catalog catalog) {
        return catalog.kmsGroups().stream().map(io.jkms.catalog.KmsGroup::kmsId)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The catalog the configuration names, or the built-in one. */
    static Catalog catalog(HostConfig config) {
        if (config.catalogFile().isEmpty()) {
            return Catalog.loadDefault();
        }
        try (InputStream in = Files.newInputStream(config.catalogFile().get())) {
            return Catalog.load(in);
        } catch (IOException | CatalogException e) {
            throw new ConfigException("catalog: cannot load " + config.catalogFile().get() + ": " + e.getMessage());
        }
    }

    private static HostIdentity identity(HostConfig config, Catalog catalog, RandomGenerator random, Clock clock) {
        try {
            return HostIdentity.create(config.identity(), catalog, random, clock);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("epid: " + e.getMessage());
        }
    }

    private static ListenerSettings listenerSettings(HostConfig config, HostIdentity identity) {
        RpcSettings base = config.listener().rpc();
        return config.listener().withRpc(new RpcSettings(identity.ndr64(), config.btfn(), base.maxFragLength(),
                base.maxContextsPerBind(), base.maxRequestFragments(), base.maxRequestStubBytes()));
    }

    /**
     * Applies a new configuration (and catalog) to new connections and every request from now on. ePIDs
     * drawn at start are kept unless the identity settings or the CSVLKs changed.
     *
     * @throws ConfigException when the new configuration cannot be used; nothing changed then
     */
    synchronized void reload(HostConfig requested, Catalog nextCatalog) {
        HostConfig next = requested;
        HostIdentity nextIdentity = next.identity().equals(config.identity())
                && nextCatalog.csvlks().equals(catalog.csvlks()) ? identity : identity(next, nextCatalog, random, clock);
        Optional<String> newToken = Optional.empty();
        if (next.registry().equals(config.registry())
                && next.web().withToken(config.web().token()).equals(config.web())) {
            newToken = changedToken(next);
        } else {
            LOG.warn("registry or dashboard settings changed: restart to apply them (the rest is applied now)");
            next = next.keepingRestartSettingsOf(config);
        }
        ActivationPolicy policy = policy(next, nextCatalog, nextIdentity, registry, clock);
        server.update(listenerSettings(next, nextIdentity));
        handler.update(policy);
        log.update(nextCatalog);
        dns.update(next.dns());
        config = next;
        catalog = nextCatalog;
        identity = nextIdentity;
        newToken.ifPresent(token -> web.orElseThrow().access().changeToken(token));
    }

    /**
     * The dashboard's token after this reload (the configured one, else the one in the data directory, which may
     * have been edited), if it differs from the one in use: a token can change without a restart.
     */
    private Optional<String> changedToken(HostConfig next) {
        if (web.isEmpty() || !web.get().access().required()) {
            return Optional.empty();
        }
        try {
            String token = DashboardWiring.token(next.web(), random);
            return web.get().access().matches(token) ? Optional.empty() : Optional.of(token);
        } catch (IOException e) {
            throw new ConfigException("web-token: cannot read the stored token: " + e.getMessage());
        }
    }

    RegistryHealth registryHealth() {
        return registry.map(RegistryHandle::health).orElse(RegistryHealth.NONE);
    }

    /** The registry, waiting up to a minute for one still opening; only for a host started with one that opens. */
    Registry registry() {
        return registry.flatMap(handle -> handle.awaitOpen(java.time.Duration.ofMinutes(1))).orElseThrow();
    }

    KmsServer server() {
        return server;
    }

    HostIdentity identity() {
        return identity;
    }

    Catalog catalog() {
        return catalog;
    }

    HostConfig config() {
        return config;
    }

    Optional<WebServer> web() {
        return web;
    }

    PrometheusMeterRegistry meters() {
        return meters;
    }

    DnsPublishStatus dnsStatus() {
        return dns.status();
    }

    /**
     * Takes the host's SRV record out of DNS first (clients stop being sent here), then drains the connections, so
     * that the registry then stores every activation they made.
     */
    @Override
    public void close() {
        try {
            dns.close();
            web.ifPresent(WebServer::close);
            server.close();
        } finally {
            jvm.close();
            meters.close();
            registry.ifPresent(RegistryHandle::close);
        }
    }
}
