package io.jkms.web;

import java.time.Duration;
import java.util.Objects;

/**
 * What one peer may hold of the web port: connections (in all and per address) and time (for one request, and
 * between requests on a kept-alive connection).
 *
 * @param maxConnections           connections open at once; at the limit the busiest address gives one up
 * @param maxConnectionsPerAddress connections open at once from one address (IPv6: one /64); 0 for no limit
 * @param requestTimeout           from the first byte of a request to its last (headers and body)
 * @param idleTimeout              how long a kept-alive connection may wait for its next request
 */
public record WebLimits(int maxConnections, int maxConnectionsPerAddress, Duration requestTimeout,
                        Duration idleTimeout) {
    public static final int DEFAULT_MAX_CONNECTIONS = 256;
    public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 32;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    public WebLimits {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (maxConnections < 1 || maxConnectionsPerAddress < 0 || requestTimeout.isNegative()
                || requestTimeout.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("web limits must be positive (per address: 0 for none)");
        }
    }

    public static WebLimits defaults() {
        return new WebLimits(DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_CONNECTIONS_PER_ADDRESS, DEFAULT_REQUEST_TIMEOUT,
                DEFAULT_IDLE_TIMEOUT);
    }
}
