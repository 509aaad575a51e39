package io.jkms.cli;

import io.jkms.catalog.Catalog;
import io.jkms.host.HostIdentity;
import io.jkms.host.KmsServer;
import io.jkms.registry.NoRegistry;
import io.jkms.registry.RegistryHandle;
import io.jkms.registry.RegistryHealth;
import java.util.Optional;
import io.jkms.web.AccessControl;
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
                           Optional<RegistryHandle> registry, PrometheusMeterRegistry meters, RandomGenerator random, Clock clock)
            throws IOException {
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
        HostStatus status = new HostStatus(server.boundAddresses(), server::openConnections, identity, clock.instant(),
                settings.publicName(), new VersionProvider().getVersion()[0]);
        ScriptText scripts = (product, hostPort) ->
                ActivationScript.activate(product, ActivationScript.Target.parse(hostPort), false);
        WebApp app = new WebApp(registry.map(RegistryHandle::reader).orElse(NoRegistry.INSTANCE),
                registry.map(RegistryHandle::health).orElse(RegistryHealth.NONE), catalog, status, scripts, access,
                readiness::check, meters::scrape, clock);
        return WebServer.start(bind, app);
    }
}
