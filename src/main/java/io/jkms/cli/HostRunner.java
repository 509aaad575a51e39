package io.jkms.cli;

import ch.qos.logback.classic.Level;
import io.jkms.catalog.Catalog;
import io.jkms.config.ConfigException;
import io.jkms.config.HostConfig;
import io.jkms.host.ActivationHandler;
import io.jkms.host.ActivationLog;
import io.jkms.host.ActivationPolicy;
import io.jkms.host.ClientCountPolicy;
import io.jkms.host.CsvlkIdentity;
import io.jkms.host.HostIdentity;
import io.jkms.host.KmsServer;
import io.jkms.host.PolicySettings;
import io.jkms.host.ThreadLocalSecureRandom;
import io.jkms.registry.Registry;
import io.jkms.rpc.RpcSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
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

    /** Everything a running host consists of, built from one configuration. */
    record Host(KmsServer server, HostIdentity identity, Catalog catalog, Registry registry) implements AutoCloseable {
        /** Drains the connections first, so that the registry then stores every activation they made. */
        @Override
        public void close() {
            try {
                server.close();
            } finally {
                registry.close();
            }
        }
    }

    /**
     * Builds and starts a host; used by {@code serve} and by tests.
     *
     * @throws io.jkms.registry.RegistryException when the registry database cannot be opened or migrated
     */
    static Host start(HostConfig config, Catalog catalog, RandomGenerator random, Clock clock) throws IOException {
        HostIdentity identity;
        try {
            identity = HostIdentity.create(config.identity(), catalog, random, clock);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("epid: " + e.getMessage());
        }
        Registry registry = Registry.open(config.registry(), clock, random);
        try {
            return start(config, catalog, random, clock, identity, registry);
        } catch (IOException | RuntimeException e) {
            registry.close();
            throw e;
        }
    }

    private static Host start(HostConfig config, Catalog catalog, RandomGenerator random, Clock clock,
                              HostIdentity identity, Registry registry) throws IOException {
        PolicySettings settings = config.policy();
        if (settings.clientCount() instanceof ClientCountPolicy.Counted) {
            settings = new PolicySettings(settings.activationInterval(), settings.renewalInterval(),
                    new ClientCountPolicy.Counted(registry.clientCounter()), settings.whitelistLevel(),
                    settings.clientTimeTolerance());
        }
        ActivationPolicy policy = new ActivationPolicy(settings, catalog, identity, clock);
        ActivationHandler handler = new ActivationHandler(policy, random, clock,
                List.of(new ActivationLog(catalog), registry.writer()));
        RpcSettings defaults = config.listener().rpc();
        RpcSettings rpc = new RpcSettings(identity.ndr64(), config.btfn(), defaults.maxFragLength(),
                defaults.maxContextsPerBind(), defaults.maxRequestFragments(), defaults.maxRequestStubBytes());
        int threads = config.threads() == 0 ? Runtime.getRuntime().availableProcessors() : config.threads();
        KmsServer server = KmsServer.start(config.listener().withRpc(rpc), handler, random, threads);
        return new Host(server, identity, catalog, registry);
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
        LOG.info("client registry: {}", host.registry().settings());
        LOG.info("host build {} ({}), LCID {}, NDR64 {}, BTFN {}", identity.build().build(), identity.build().name(),
                identity.lcid(), identity.ndr64() ? "on" : "off", config.btfn() ? "on" : "off");
        for (CsvlkIdentity csvlk : identity.all()) {
            LOG.info("ePID {} {} HWID {} ({})", String.format("%-12s", csvlk.csvlk().id()), csvlk.epid(),
                    csvlk.hwid().hex().toUpperCase(java.util.Locale.ROOT), csvlk.source());
        }
    }

    private static void setLogLevel(String level) {
        org.slf4j.Logger root = LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(Level.toLevel(level, Level.INFO));
        }
    }
}
