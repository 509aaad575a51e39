package io.jkms.client;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * How the client speaks RPC.
 *
 * @param ndr64   offer NDR64 in the bind (Windows does; the first request still goes over NDR32)
 * @param btfn    offer bind-time feature negotiation
 * @param timeout connect timeout, and the longest wait for any answer
 * @param source  the local address to connect from (a multi-homed machine, or a test simulating many
 *                clients on loopback); empty: the system's choice
 */
public record ClientOptions(boolean ndr64, boolean btfn, Duration timeout, Optional<InetAddress> source) {
    public ClientOptions(boolean ndr64, boolean btfn, Duration timeout) {
        this(ndr64, btfn, timeout, Optional.empty());
    }

    public static ClientOptions defaults() {
        return new ClientOptions(true, true, Duration.ofSeconds(5));
    }

    public ClientOptions withNdr64(boolean value) {
        return new ClientOptions(value, btfn, timeout, source);
    }

    public ClientOptions withBtfn(boolean value) {
        return new ClientOptions(ndr64, value, timeout, source);
    }

    public ClientOptions withTimeout(Duration value) {
        return new ClientOptions(ndr64, btfn, value, source);
    }

    public ClientOptions withSource(InetAddress value) {
        return new ClientOptions(ndr64, btfn, timeout, Optional.of(value));
    }
}
