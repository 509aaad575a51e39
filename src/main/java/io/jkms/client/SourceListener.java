package io.jkms.client;

import java.net.InetSocketAddress;

/**
 * Hears the local address a connection is made from: once bound (before it connects) and again just before that
 * address is given up (the socket closed). The host's readiness probe uses it to announce its own source port.
 */
public interface SourceListener {
    /** Listens to nothing: the system chooses the source address when connecting. */
    SourceListener NONE = new SourceListener() {
        @Override
        public void bound(InetSocketAddress local) {
        }

        @Override
        public void released(InetSocketAddress local) {
        }
    };

    void bound(InetSocketAddress local);

    void released(InetSocketAddress local);
}
