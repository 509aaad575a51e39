package io.jkms.config;

import io.jkms.client.HostAddress;
import io.jkms.web.WebLimits;
import io.jkms.web.WebSettings;
import io.jkms.web.WebTls;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** The dashboard, JSON API and metrics: where, for whom, over what, and how many connections. */
final class WebOptions {
    @Option(names = "--web", paramLabel = "ADDR:PORT|off", defaultValue = "127.0.0.1:8080",
            converter = Converters.WebAddress.class,
            description = {"Address of the web dashboard, JSON API and /metrics, or 'off'. Anywhere but loopback it asks "
                + "for the token (see --web-token).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_WEB."})
    Converters.WebBind web;

    @Option(names = "--public-name", paramLabel = "HOST[:PORT]", converter = Converters.PublicName.class,
            description = {"The name (and KMS port, 1688 unless given) clients use to reach this host, e.g. "
                + "kms.example.org: the dashboard's scripts, /api/products and /health show it, and jkms script "
                + "uses it when --host is not given. Without it the dashboard offers no scripts.",
                "Env: JKMS_PUBLIC_NAME."})
    HostAddress publicName;

    @Option(names = "--web-token", paramLabel = "TOKEN", converter = Converters.Token.class,
            description = {"Token the dashboard asks for (16 to 256 visible ASCII characters). Default: one generated at "
                + "first start, printed once and kept in DATA-DIR/web-token (mode 600).",
                "Env: JKMS_WEB_TOKEN."})
    String webToken;

    @Option(names = "--web-require-token", paramLabel = "BOOL", defaultValue = "false", arity = "1",
            converter = Converters.Bool.class,
            description = {"Ask for the token on a loopback address too (it is always asked for elsewhere).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_WEB_REQUIRE_TOKEN."})
    boolean webRequireToken;

    @Option(names = "--web-tls-cert", paramLabel = "FILE", converter = Converters.FilePath.class,
            description = {"PEM certificate (chain) for HTTPS on the dashboard, with --web-tls-key; then it speaks only "
                + "HTTPS. Default: plain HTTP (keep it on loopback, or put a TLS proxy in front).",
                "Env: JKMS_WEB_TLS_CERT."})
    Path webTlsCert;

    @Option(names = "--web-tls-key", paramLabel = "FILE", converter = Converters.FilePath.class,
            description = {"Unencrypted PKCS#8 PEM private key (BEGIN PRIVATE KEY) of --web-tls-cert.",
                "Env: JKMS_WEB_TLS_KEY."})
    Path webTlsKey;

    @Option(names = "--web-allowed-hosts", paramLabel = "NAME", converter = Converters.AllowedHost.class, split = ",",
            description = {"Host name the open loopback dashboard also answers to (repeatable), besides localhost, "
                + "127.x.x.x and [::1]; any other Host is refused with 421 (DNS rebinding). Logins may also be "
                + "posted from pages of these names (a proxy's).",
                "Env: JKMS_WEB_ALLOWED_HOSTS (a comma-separated list)."})
    List<String> webAllowedHosts;

    @Range(min = 1, max = 100_000)
    @Option(names = "--web-max-connections", paramLabel = "N", defaultValue = "" + WebLimits.DEFAULT_MAX_CONNECTIONS,
            converter = Converters.WholeNumber.class,
            description = {"Most dashboard connections open at once; when full, the address holding the most gives one up "
                + "to a newcomer (1 to 100000).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_WEB_MAX_CONNECTIONS."})
    long webMaxConnections;

    @Range(min = 0, max = 100_000)
    @Option(names = "--web-max-connections-per-address", paramLabel = "N", defaultValue = "" + WebLimits.DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
            converter = Converters.WholeNumber.class,
            description = {"Most dashboard connections open at once from one address (IPv6: one /64); 0 for no limit (0 to "
                + "100000).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_WEB_MAX_CONNECTIONS_PER_ADDRESS."})
    long webMaxConnectionsPerAddress;

    @Within(min = "1s", max = "600s")
    @Option(names = "--web-request-timeout", paramLabel = "TIME", defaultValue = "10",
            converter = DurationConverter.Seconds.class,
            description = {"Close a dashboard connection whose request (headers and body) is not complete this long after "
                + "its first byte (1 to 600 seconds, or a number with a suffix ms, s, m, h, d or w).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_WEB_REQUEST_TIMEOUT."})
    Duration webRequestTimeout;

    @Within(min = "1s", max = "3600s")
    @Option(names = "--web-idle-timeout", paramLabel = "TIME", defaultValue = "30",
            converter = DurationConverter.Seconds.class,
            description = {"Close a kept-alive dashboard connection that sends no next request this long (1 to 3600 "
                + "seconds, or a number with a suffix ms, s, m, h, d or w).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_WEB_IDLE_TIMEOUT."})
    Duration webIdleTimeout;

    WebSettings settings(Path dataDir, Function<String, ConfigValue> origin) {
        WebLimits limits = new WebLimits((int) webMaxConnections, (int) webMaxConnectionsPerAddress, webRequestTimeout,
                webIdleTimeout);
        return new WebSettings(web.address(), Optional.ofNullable(webToken), webRequireToken, dataDir, limits,
                webAllowedHosts == null ? List.of() : webAllowedHosts, tls(origin), Optional.ofNullable(publicName));
    }

    /** Both files or neither; both are loaded here, so that a bad one stops start-up (or a reload) by name. */
    private Optional<WebSettings.Tls> tls(Function<String, ConfigValue> origin) {
        if (webTlsCert == null && webTlsKey == null) {
            return Optional.empty();
        }
        if (webTlsCert == null || webTlsKey == null) {
            throw new ConfigException("missing " + (webTlsCert == null ? "web-tls-cert" : "web-tls-key")
                    + ": web-tls-cert and web-tls-key go together");
        }
        try {
            WebTls.load(webTlsCert, webTlsKey);
        } catch (WebTls.WebTlsException e) {
            throw ConfigException.invalid(origin.apply(e.certificate() ? "web-tls-cert" : "web-tls-key"),
                    e.certificate() ? "a readable PEM certificate file (" + e.getMessage() + ")"
                            : "a readable PEM private key file (" + e.getMessage() + ")");
        }
        return Optional.of(new WebSettings.Tls(webTlsCert, webTlsKey));
    }
}
