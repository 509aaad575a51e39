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
            converter = Converters.WebAddress.class)
    Converters.WebBind web;

    @Option(names = "--public-name", paramLabel = "HOST[:PORT]", converter = Converters.PublicName.class)
    HostAddress publicName;

    @Option(names = "--web-token", paramLabel = "TOKEN", converter = Converters.Token.class)
    String webToken;

    @Option(names = "--web-require-token", paramLabel = "BOOL", defaultValue = "false", arity = "1",
            converter = Converters.Bool.class)
    boolean webRequireToken;

    @Option(names = "--web-tls-cert", paramLabel = "FILE", converter = Converters.FilePath.class)
    Path webTlsCert;

    @Option(names = "--web-tls-key", paramLabel = "FILE", converter = Converters.FilePath.class)
    Path webTlsKey;

    @Option(names = "--web-allowed-hosts", paramLabel = "NAME", converter = Converters.AllowedHost.class, split = ",")
    List<String> webAllowedHosts;

    @Range(min = 1, max = 100_000)
    @Option(names = "--web-max-connections", paramLabel = "N", defaultValue = "" + WebLimits.DEFAULT_MAX_CONNECTIONS,
            converter = Converters.WholeNumber.class)
    long webMaxConnections;

    @Range(min = 0, max = 100_000)
    @Option(names = "--web-max-connections-per-address", paramLabel = "N", defaultValue = "" + WebLimits.DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
            converter = Converters.WholeNumber.class)
    long webMaxConnectionsPerAddress;

    @Within(min = "1s", max = "600s")
    @Option(names = "--web-request-timeout", paramLabel = "TIME", defaultValue = "10",
            converter = DurationConverter.Seconds.class)
    Duration webRequestTimeout;

    @Within(min = "1s", max = "3600s")
    @Option(names = "--web-idle-timeout", paramLabel = "TIME", defaultValue = "30",
            converter = DurationConverter.Seconds.class)
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
