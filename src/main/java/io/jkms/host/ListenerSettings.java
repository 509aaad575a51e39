package io.jkms.host;

import io.jkms.rpc.RpcSettings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * Where and how the host listens.
 *
 * @param listen         the addresses to bind; empty: {@code [::]:1688}, or {@code 0.0.0.0:1688} without IPv6
 * @param idleTimeout    a connection with no traffic for this long is closed (Windows drops its own at 30 s)
 * @param maxConnections connections beyond this are closed as soon as they are accepted
 * @param drainTimeout   how long a shutdown waits for connections in flight
 */
public record ListenerSettings(List<InetSocketAddress> listen, Duration idleTimeout, int maxConnections,
                               Duration drainTimeout, RpcSettings rpc) {
    public static final int DEFAULT_PORT = 1688;

    public ListenerSettings {
        listen = List.copyOf(listen);
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idle timeout must be positive: " + idleTimeout);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("max connections must be at least 1: " + maxConnections);
        }
    }

    public static ListenerSettings defaults() {
        return new ListenerSettings(List.of(), Duration.ofSeconds(30), 10_000, Duration.ofSeconds(5),
                RpcSettings.defaults());
    }

    public ListenerSettings withListen(List<InetSocketAddress> addresses) {
        return new ListenerSettings(addresses, idleTimeout, maxConnections, drainTimeout, rpc);
    }

    public ListenerSettings withRpc(RpcSettings settings) {
        return new ListenerSettings(listen, idleTimeout, maxConnections, drainTimeout, settings);
    }
}
