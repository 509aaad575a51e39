package io.jkms.cli;

import io.jkms.catalog.Catalog;
import io.jkms.dns.DnsPublisher;
import io.jkms.activation.HostIdentity;
import io.jkms.host.KmsServer;
import io.jkms.registry.NoRegistry;
import io.jkms.registry.RegistryHandle;
import io.jkms.registry.RegistryHealth;
import java.util.Optional;
import io.jkms.config.ConfigException;
import io.jkms.web.AccessControl;
import io.jkms.web.HostNames;
import io.jkms.web.WebClose;
import io.jkms.web.WebCounters;
import io.jkms.web.WebTls;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.netty.handler.ssl.SslContext;
import io.jkms.web.HostStatus;
import io.jkms.web.ReadinessProbe;
import io.jkms.web.ScriptText;
import io.jkms.web.TokenStore;
import io.jkms.web.WebApp;
import io.jkms.web.WebServer;
import io.jkms.web.WebSettings;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the dashboard over a running host: access control, readiness probe, pages over the registry. */
final class DashboardWiring {
    private static final Logger LOG = LoggerFactory.getLogger("io.jkms.host");

    private DashboardWiring() {
    }

    static WebServer start(WebSettings settings, KmsServer server, HostIdentity identity, Catalog catalog,
                           Optional<RegistryHandle> registry, PrometheusMeterRegistry meters, DnsPublisher dns,
                           RandomGenerator random, Clock clock)
            throws IOException {
        InetSocketAddress bind = settings.bind().orElseThrow();
        Optional<SslContext> tls = settings.tls().map(DashboardWiring::sslContext);
        WebCounters counters = new WebCounters();
        HostNames hosts = HostNames.of(settings.allowedHosts());
        AccessControl access = AccessControl.open(hosts);
        if (settings.tokenRequired(bind)) {
            access = AccessControl.requiring(token(settings, random), hosts, tls.isPresent(), clock, counters);
        }
        ReadinessProbe readiness = new ReadinessProbe(server.boundAddresses().get(0), catalog, clock,
                Duration.ofSeconds(5), random, server.probeAdmission());
        HostStatus status = new HostStatus(server.boundAddresses(), server::openConnections, identity, clock.instant(),
                settings.publicName(), new VersionProvider().getVersion()[0], dns::status);
        ScriptText scripts = (product, hostPort) ->
                ActivationScript.activate(product, ActivationScript.Target.parse(hostPort), false);
        WebApp app = new WebApp(registry.map(RegistryHandle::reader).orElse(NoRegistry.INSTANCE),
                registry.map(RegistryHandle::health).orElse(RegistryHealth.NONE), catalog, status, scripts, access,
                readiness::check, meters::scrape, clock);
        WebServer web = WebServer.start(bind, app, settings.limits(), tls, counters, server.transport());
        bindMetrics(meters, web);
        return web;
    }

    /** The configured token, else the one kept in the data directory (generated and shown once at first start). */
    static String token(WebSettings settings, RandomGenerator random) throws IOException {
        if (settings.token().isPresent()) {
            return settings.token().get();
        }
        TokenStore store = new TokenStore(settings.dataDir(), random);
        TokenStore.Token stored = store.loadOrCreate();
        if (stored.created()) {
            LOG.warn("dashboard token (shown this once; kept in {}): {}", store.file(), stored.value());
        }
        return stored.value();
    }

    /** The files were checked when the configuration was read; they may have changed since. */
    private static SslContext sslContext(WebSettings.Tls files) {
        try {
            return WebTls.load(files.certificate(), files.key());
        } catch (WebTls.WebTlsException e) {
            throw new ConfigException((e.certificate() ? "web-tls-cert: " : "web-tls-key: ") + e.getMessage());
        }
    }

    /** Refused and closed dashboard connections by reason, and failed logins; the server holds the counters. */
    private static void bindMetrics(PrometheusMeterRegistry meters, WebServer web) {
        WebCounters counters = web.counters();
        for (WebClose reason : WebClose.values()) {
            FunctionCounter.builder("jkms.web.connections.closed", counters, c -> c.closed(reason))
                    .tag("reason", reason.label())
                    .description("Dashboard connections refused at accept or closed by a limit or deadline")
                    .register(meters);
        }
        FunctionCounter.builder("jkms.web.logins.failed", counters, c -> c.failedLogins()).tag("reason", "wrong-token")
                .description("Dashboard logins refused").register(meters);
        FunctionCounter.builder("jkms.web.logins.failed", counters, c -> c.throttledLogins()).tag("reason", "throttled")
                .description("Dashboard logins refused").register(meters);
        Gauge.builder("jkms.web.connections.open", web, w -> w.openConnections()).strongReference(true)
                .description("Dashboard connections open now").register(meters);
    }
}
