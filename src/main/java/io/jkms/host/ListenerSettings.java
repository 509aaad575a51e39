package io.jkms.host;

import io.jkms.activation.AccessPolicy;
import io.jkms.rpc.RpcSettings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * Where and how the host listens, and what it tolerates from a connection.
 *
 * @param listen            the addresses to bind; empty: {@code [::]:1688}, or {@code 0.0.0.0:1688} without IPv6
 * @param idleTimeout       a connection with no traffic for this long is closed (Windows drops its own at 30 s)
 * @param readTimeout       a PDU must arrive whole within this long of its first byte (defeats slow senders)
 * @param maxConnections    connections beyond this are closed as soon as they are accepted
 * @param maxPerAddress     open connections per client address (IPv6: per /64), 0 for no limit
 * @param connectionRate    new connections per second per client address, 0 for no limit
 * @param connectionBurst   new connections a client address may open at once before the rate applies
 * @param maxPdusPerConnection PDUs one connection may send before it is closed
 * @param drainTimeout      how long a shutdown waits for connections in flight
 * @param bounds            what one connection may hold and for how long (slow readers, silent connections)
 */
public record ListenerSettings(List<InetSocketAddress> listen, Duration idleTimeout, Duration readTimeout,
                               int maxConnections, int maxPerAddress, double connectionRate, int connectionBurst,
                               int maxPdusPerConnection, AccessPolicy access, Duration drainTimeout,
                               RpcSettings rpc, ConnectionBounds bounds) {
    public static final int DEFAULT_PORT = 1688;

    public ListenerSettings {
        listen = List.copyOf(listen);
        java.util.Objects.requireNonNull(bounds, "bounds");
        requirePositive(idleTimeout, "idle timeout");
        requirePositive(readTimeout, "read timeout");
        if (maxConnections < 1 || maxPerAddress < 0 || connectionRate < 0 || connectionBurst < 1
                || maxPdusPerConnection < 1) {
            throw new IllegalArgumentException("connection limits out of range");
        }
    }

    private static void requirePositive(Duration duration, String what) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + duration);
        }
    }

    public static ListenerSettings defaults() {
        return new ListenerSettings(List.of(), Duration.ofSeconds(30), Duration.ofSeconds(10), 10_000, 500, 1000,
                2000, 10_000, AccessPolicy.open(), Duration.ofSeconds(5), RpcSettings.defaults(),
                ConnectionBounds.defaults());
    }

    public ListenerSettings withListen(List<InetSocketAddress> addresses) {
        return new ListenerSettings(addresses, idleTimeout, readTimeout, maxConnections, maxPerAddress, connectionRate,
                connectionBurst, maxPdusPerConnection, access, drainTimeout, rpc, bounds);
    }

    public ListenerSettings withRpc(RpcSettings settings) {
        return new ListenerSettings(listen, idleTimeout, readTimeout, maxConnections, maxPerAddress, connectionRate,
                connectionBurst, maxPdusPerConnection, access, drainTimeout, settings, bounds);
    }

    AcceptGate.Rules gateRules() {
        return new AcceptGate.Rules(access, maxConnections, new AddressLimits(maxPerAddress, connectionRate,
                connectionBurst));
    }
}
