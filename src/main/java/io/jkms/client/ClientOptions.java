package io.jkms.client;

import java.time.Duration;

/**
 * How the client speaks RPC.
 *
 * @param ndr64   offer NDR64 in the bind (Windows does; the first request still goes over NDR32)
 * @param btfn    offer bind-time feature negotiation
 * @param timeout connect timeout, and the longest wait for any answer
 */
public record ClientOptions(boolean ndr64, boolean btfn, Duration timeout) {
    public static ClientOptions defaults() {
        return new ClientOptions(true, true, Duration.ofSeconds(5));
    }

    public ClientOptions withNdr64(boolean value) {
        return new ClientOptions(value, btfn, timeout);
    }

    public ClientOptions withBtfn(boolean value) {
        return new ClientOptions(ndr64, value, timeout);
    }

    public ClientOptions withTimeout(Duration value) {
        return new ClientOptions(ndr64, btfn, value);
    }
}
