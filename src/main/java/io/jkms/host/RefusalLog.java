package io.jkms.host;

import io.jkms.activation.Refusal;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs refusals and the host's own closes at most once per reason per interval, then how many more there
 * were: a flood must not turn into a flood of log lines. One per listener, shared by its connections.
 */
final class RefusalLog {
    private static final Logger LOG = LoggerFactory.getLogger("io.jkms.refusal");
    private static final long INTERVAL_NANOS = 10_000_000_000L;

    private final Map<Refusal, long[]> state = new EnumMap<>(Refusal.class);

    /** A connection refused at accept time. */
    void refused(Refusal refusal, SocketAddress peer, String detail) {
        log("refused", refusal, peer, detail);
    }

    /** A connection closed by the host after it was accepted (frame, deadline, protocol, PDU count). */
    void closed(Refusal refusal, SocketAddress peer, String detail) {
        log("closed", refusal, peer, detail);
    }

    private synchronized void log(String verb, Refusal refusal, SocketAddress peer, String detail) {
        long now = System.nanoTime();
        long[] s = state.computeIfAbsent(refusal, r -> new long[] {now - INTERVAL_NANOS, 0});
        if (now - s[0] >= INTERVAL_NANOS) {
            String suppressed = s[1] > 0 ? " (" + s[1] + " more since the last such line)" : "";
            LOG.warn("{} {}: {} ({}){}", verb, ClientText.escape(peer(peer)), refusal.label(),
                    ClientText.escape(detail), suppressed);
            s[0] = now;
            s[1] = 0;
        } else {
            s[1]++;
        }
    }

    /** {@code 192.0.2.1:50000} or {@code [2001:db8::1]:50000}, not Java's {@code /192.0.2.1:50000}. */
    static String peer(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            String host = inet.getAddress().getHostAddress();
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}
