package io.jkms.cli;

import ch.qos.logback.classic.Level;
import io.jkms.catalog.Catalog;
import io.jkms.config.ConfigException;
import io.jkms.config.HostConfig;
import io.jkms.host.ActivationHandler;
import io.jkms.host.ActivationLog;
import io.jkms.host.ActivationPolicy;
import io.jkms.host.CsvlkIdentity;
import io.jkms.host.HostIdentity;
import io.jkms.host.KmsServer;
import io.jkms.host.ThreadLocalSecureRandom;
import io.jkms.metrics.JvmMetrics;
import io.jkms.metrics.KmsMetrics;
import io.jkms.rpc.RpcSettings;
import io.jkms.web.AccessControl;
import io.jkms.web.HostStatus;
import io.jkms.web.MemoryRegistry;
import io.jkms.web.ReadinessProbe;
import io.jkms.web.ScriptText;
import io.jkms.web.TokenStore;
import io.jkms.web.WebApp;
import io.jkms.web.WebServer;
import io.jkms.web.WebSettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the host from its configuration and runs it until a signal asks it to stop. */
final class HostRunner {
    private static final Logger LOG = LoggerFactory.getLogger("io.jkms.host");

    private final HostConfig config;
    private final PrintWriter err;

    HostRunner(HostConfig config, PrintWriter err) {
        this.config = config;
        this.err = err;
    }

    /**
     * Everything a running host consists of, built from one configuration.
     *
     * @param registry what the dashboard reads: what this process saw, until a database registry replaces it
     * @param web      the dashboard, when not {@code --web off}
     */
    record Host(KmsServer server, HostIdentity identity, Catalog catalog, PrometheusMeterRegistry meters,
                MemoryRegistry registry, Optional<WebServer> web, JvmMetrics jvm) implements AutoCloseable {
        @Override
        public void close() {
            web.ifPresent(WebServer::close);
            server.close();
            jvm.close();
            meters.close();
        }
    }

    /** Builds and starts a host; used by {@code serve} and by tests. */
    static Host start(HostConfig config, Catalog catalog, RandomGenerator random, Clock clock) throws IOException {
        HostIdentity identity;
        try {
            identity = HostIdentity.create(config.identity(), catalog, random, clock);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("epid: " + e.getMessage());
        }
        ActivationPolicy policy = new ActivationPolicy(config.policy(), catalog, identity, clock);
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        KmsMetrics metrics = new KmsMetrics(meters, catalog);
        MemoryRegistry registry = new MemoryRegistry(catalog);
        ActivationHandler handler = new ActivationHandler(policy, random, clock, List.of(new ActivationLog(catalog),
                ReadinessProbe.skippingProbes(metrics), ReadinessProbe.skippingProbes(registry)));
        RpcSettings defaults = config.listener().rpc();
        RpcSettings rpc = new RpcSettings(identity.ndr64(), config.btfn(), defaults.maxFragLength(),
                defaults.maxContextsPerBind(), defaults.maxRequestFragments(), defaults.maxRequestStubBytes());
        int threads = config.threads() == 0 ? Runtime.getRuntime().availableProcessors() : config.threads();
        KmsServer server = KmsServer.start(config.listener().withRpc(rpc), handler, metrics, random, threads);
        metrics.bindConnections(server::openConnections);
        metrics.bindRegistry(registry);
        JvmMetrics jvm = new JvmMetrics(meters);
        try {
            Optional<WebServer> web = config.web().bind().isEmpty() ? Optional.empty()
                    : Optional.of(startWeb(config.web(), server, identity, catalog, registry, meters, random, clock));
            return new Host(server, identity, catalog, meters, registry, web, jvm);
        } catch (IOException | RuntimeException e) {
            server.close();
            jvm.close();
            throw e;
        }
    }

    private static WebServer startWeb(WebSettings settings, KmsServer server, HostIdentity identity, Catalog catalog,
                                      MemoryRegistry registry, PrometheusMeterRegistry meters, RandomGenerator random,
                                      Clock clock) throws IOException {
        InetSocketAddress bind = settings.bind().orElseThrow();
        AccessControl access = AccessControl.open();
        if (settings.tokenRequired(bind)) {
            String token = settings.token().orElse(null);
            if (token == null) {
                TokenStore store = new TokenStore(settings.dataDir(), random);
                TokenStore.Token stored = store.loadOrCreate();
                if (stored.created()) {
                    LOG.warn("dashboard token (shown this once; kept in {}): {}", store.file(), stored.value());
                }
                token = stored.value();
            }
            access = AccessControl.requiring(token);
        }
        ReadinessProbe readiness = new ReadinessProbe(server.boundAddresses().get(0), catalog, clock,
                Duration.ofSeconds(5), random);
        HostStatus status = new HostStatus(server.boundAddresses(), server::openConnections, identity, clock.instant());
        ScriptText scripts = (product, hostPort) ->
                ActivationScript.activate(product, ActivationScript.Target.parse(hostPort), false);
        WebApp app = new WebApp(registry, registry, catalog, status, scripts, access, readiness::check, meters::scrape,
                clock);
        return WebServer.start(bind, app);
    }

    int runUntilSignalled() throws IOException {
        setLogLevel(config.logLevel());
        RandomGenerator random = new ThreadLocalSecureRandom();
        Host host = start(config, Catalog.loadDefault(), random, Clock.systemUTC());
        logStart(host);
        CountDownLatch stop = new CountDownLatch(1);
        Signals.onTermination(stop::countDown);
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("stopping: draining {} open connection(s)", host.server().openConnections());
        host.close();
        LOG.info("stopped");
        err.flush();
        return 0;
    }

    private void logStart(Host host) {
        HostIdentity identity = host.identity();
        LOG.info("jkms KMS host listening on {}", host.server().boundAddresses());
        host.web().ifPresent(web -> LOG.info("dashboard on http://{}/ ({})", hostPort(web.address()),
                config.web().tokenRequired(web.address()) ? "token required" : "loopback, no token"));
        LOG.info("host build {} ({}), LCID {}, NDR64 {}, BTFN {}", identity.build().build(), identity.build().name(),
                identity.lcid(), identity.ndr64() ? "on" : "off", config.btfn() ? "on" : "off");
        for (CsvlkIdentity csvlk : identity.all()) {
            LOG.info("ePID {} {} HWID {} ({})", String.format("%-12s", csvlk.csvlk().id()), csvlk.epid(),
                    csvlk.hwid().hex().toUpperCase(java.util.Locale.ROOT), csvlk.source());
        }
    }

    private static String hostPort(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    private static void setLogLevel(String level) {
        org.slf4j.Logger root = LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(Level.toLevel(level, Level.INFO));
        }
    }
}
