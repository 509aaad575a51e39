package io.jkms.cli;

import ch.qos.logback.classic.Level;
import io.jkms.config.ConfigException;
import io.jkms.config.HostConfig;
import io.jkms.activation.CsvlkIdentity;
import io.jkms.activation.HostIdentity;
import io.jkms.host.IoTransport;
import io.jkms.host.ThreadLocalSecureRandom;
import io.jkms.logging.LogSetup;
import io.jkms.registry.RegistrySettings;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the host from its configuration until SIGTERM/SIGINT; SIGHUP reloads configuration and catalog. */
final class HostRunner {
    private static final Logger LOG = LoggerFactory.getLogger("io.jkms.host");

    private final Supplier<HostConfig> configuration;
    private final Map<String, String> environment;

    /**
     * @param configuration reads the configuration afresh (flags, file, environment) each time it is called
     * @param environment   the process environment, which tells whether standard output is systemd's journal
     */
    HostRunner(Supplier<HostConfig> configuration, Map<String, String> environment) {
        this.configuration = configuration;
        this.environment = Map.copyOf(environment);
    }

    int runUntilSignalled() throws IOException {
        HostConfig config = configuration.get();
        LogSetup.apply(config.log(), environment);
        setLogLevel("info");
        HostWiring host = HostWiring.start(config, HostWiring.catalog(config), new ThreadLocalSecureRandom(),
                Clock.systemUTC(), List.of());
        // Signals first: whoever reads the start-up lines below may signal right away.
        CountDownLatch stop = new CountDownLatch(1);
        Signals.onTermination(stop::countDown);
        Signals.onHangup(() -> reload(host));
        logStart(host, config); // always shown: where the host listens and what it answers with
        setLogLevel(config.logLevel());
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("stopping: draining {} open connection(s)", host.server().openConnections());
        host.close();
        LOG.info("stopped");
        LogSetup.stop(); // every line logged until now is written (within a deadline) before the JVM exits
        return 0;
    }

    /** Re-reads configuration and catalog; anything invalid is reported and the running ones are kept. */
    private void reload(HostWiring host) {
        try {
            HostConfig next = configuration.get();
            if (!next.log().equals(host.config().log())) {
                LOG.warn("log settings changed: restart to apply them (the rest is applied now)");
            }
            host.reload(next, HostWiring.catalog(next));
            setLogLevel(next.logLevel());
            LOG.info("configuration and catalog reloaded");
        } catch (ConfigException e) {
            LOG.error("reload refused, keeping the running configuration: {}", e.getMessage());
        } catch (RuntimeException e) {
            // Not a bad value but a bug: still keep serving, and say so with the trace (this runs on the signal's
            // thread, where an escaping exception would end silently).
            LOG.error("reload failed on an unexpected error; the host keeps serving", e);
        }
    }

    private static void logStart(HostWiring host, HostConfig config) {
        HostIdentity identity = host.identity();
        LOG.info("jkms {} KMS host listening on {}", VersionProvider.version(), host.server().boundAddresses().stream()
                .map(HostRunner::hostPort).collect(Collectors.joining(", ")));
        LOG.info("network I/O: {}", transport(host.server().transport()));
        LOG.info("client registry: {}", host.config().registry().map(HostRunner::describe).orElse("off"));
        host.web().ifPresent(web -> LOG.info("dashboard on {}://{}/ ({})", web.secure() ? "https" : "http",
                hostPort(web.address()),
                config.web().tokenRequired(web.address()) ? "token required" : "loopback, no token"));
        config.dns().ifPresent(dns -> LOG.info("DNS: publishing _vlmcs._tcp.{}. SRV through {}, signed with TSIG key '{}'",
                dns.zone(), dns.server().map(Object::toString).orElse("the zone's primary"), dns.key().name()));
        LOG.info("host build {} ({}), LCID {}, NDR64 {}, BTFN {}", identity.build().build(), identity.build().name(),
                identity.lcid(), identity.ndr64() ? "on" : "off", config.btfn() ? "on" : "off");
        for (CsvlkIdentity csvlk : identity.all()) {
            LOG.info("ePID {} {} HWID {} ({})", String.format("%-12s", csvlk.csvlk().id()), csvlk.epid(),
                    csvlk.hwid().hex().toUpperCase(Locale.ROOT), csvlk.source());
        }
    }

    /** The transport in use, and why the ones preferred to it are not (auto falls back; a named one is as asked). */
    private static String transport(IoTransport used) {
        StringBuilder text = new StringBuilder(used.configName());
        for (IoTransport better : IoTransport.values()) {
            if (better == used) {
                break;
            }
            better.unavailabilityCause().ifPresent(cause -> text.append("; ").append(better.configName())
                    .append(" unavailable here: ").append(IoTransport.describe(cause)));
        }
        return text.toString();
    }

    /** In words, without the password a PostgreSQL URL may carry in its parameters. */
    static String describe(RegistrySettings registry) {
        String where = registry.databaseUrl().map(url -> "PostgreSQL " + url.replaceFirst("^jdbc:postgresql://", "")
                        .replaceFirst("[?;].*$", ""))
                .orElseGet(() -> "SQLite " + registry.dataDir().resolve("registry.db"));
        return where + ", retention " + registry.retention().toDays() + " days, written every "
                + registry.flushInterval().toMillis() + " ms, at most " + registry.queueCapacity() + " records queued";
    }

    /** {@code 0.0.0.0:1688}, {@code [::]:1688}, {@code [::1]:1688}: as an operator types them in --listen. */
    static String hostPort(java.net.InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + compress(host) + "]" : host) + ":" + address.getPort();
    }

    /** Java's {@code 0:0:0:0:0:0:0:1} with its longest run of zero groups written {@code ::} (RFC 5952). */
    static String compress(String ipv6) {
        int percent = ipv6.indexOf('%');
        String scope = percent < 0 ? "" : ipv6.substring(percent);
        String[] groups = (percent < 0 ? ipv6 : ipv6.substring(0, percent)).split(":");
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; i++) {
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
        }
        if (bestStart < 0) {
            return String.join(":", groups) + scope;
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail + scope;
    }

    private static void setLogLevel(String level) {
        Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(Level.toLevel(level, Level.INFO));
        }
    }
}
