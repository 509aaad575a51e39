package io.jkms.web;

import io.jkms.client.HostAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the dashboard listens and who may read it.
 *
 * @param bind              the HTTP address; empty: no dashboard ({@code --web off})
 * @param token             the access token given in the configuration; empty: the one stored in
 *                          {@code dataDir}, generated at first start
 * @param requireOnLoopback also require the token on a loopback address (it is always required elsewhere)
 * @param dataDir           where the generated token is kept (mode 600)
 * @param limits            connections and deadlines of the web port
 * @param allowedHosts      Host names an open dashboard answers to besides the loopback ones ({@link HostNames})
 * @param tls               HTTPS with these PEM files; empty: plain HTTP
 * @param publicName        the name and KMS port clients use to reach the host ({@code --public-name}), if given
 */
public record WebSettings(Optional<InetSocketAddress> bind, Optional<String> token, boolean requireOnLoopback,
                          Path dataDir, WebLimits limits, List<String> allowedHosts, Optional<Tls> tls,
                          Optional<HostAddress> publicName) {
    public static final int MIN_TOKEN_LENGTH = 16;
    public static final int MAX_TOKEN_LENGTH = 256;

    /** The dashboard's certificate chain and private key, PEM files. */
    public record Tls(Path certificate, Path key) {
        public Tls {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(key, "key");
        }
    }

    public WebSettings {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(tls, "tls");
        allowedHosts = List.copyOf(allowedHosts);
        Objects.requireNonNull(publicName, "publicName");
        token.ifPresent(WebSettings::checkToken);
    }

    /** Default limits, no extra Host names, plain HTTP. */
    public WebSettings(Optional<InetSocketAddress> bind, Optional<String> token, boolean requireOnLoopback,
                       Path dataDir) {
        this(bind, token, requireOnLoopback, dataDir, WebLimits.defaults(), List.of(), Optional.empty(),
                Optional.empty());
    }

    /** The same settings with another configured token. */
    public WebSettings withToken(Optional<String> other) {
        return new WebSettings(bind, other, requireOnLoopback, dataDir, limits, allowedHosts, tls, publicName);
    }

    public static WebSettings defaults() {
        return new WebSettings(Optional.of(new InetSocketAddress("127.0.0.1", 8080)), Optional.empty(), false,
                Path.of("data"));
    }

    /** Whether requests to a dashboard bound at {@code bound} must carry the token. */
    public boolean tokenRequired(InetSocketAddress bound) {
        return requireOnLoopback || bound.getAddress() == null || !bound.getAddress().isLoopbackAddress();
    }

    /** 16 to 256 visible ASCII characters: what fits in a header and a cookie unquoted. */
    public static void checkToken(String token) {
        if (token.length() < MIN_TOKEN_LENGTH || token.length() > MAX_TOKEN_LENGTH
                || !token.chars().allMatch(c -> c > 0x20 && c < 0x7F && "\";,\\".indexOf(c) < 0)) {
            throw new IllegalArgumentException("a token must be " + MIN_TOKEN_LENGTH + " to " + MAX_TOKEN_LENGTH
                    + " visible ASCII characters without quotes, commas, semicolons or backslashes");
        }
    }
}
