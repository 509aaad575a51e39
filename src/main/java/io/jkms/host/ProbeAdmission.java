package io.jkms.host;

import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets the host's own readiness probe through the access policy, and nothing else. Before it connects, the probe
 * binds its socket and announces that exact source (address and port); the accept gate admits one connection from
 * exactly that source, and only a connection from this machine (loopback, or the accepting address itself).
 * Another process on the machine cannot borrow the exemption: the probe's socket holds that port (without
 * SO_REUSEADDR or SO_REUSEPORT, so nobody else can bind it) from before the announcement until after it is
 * withdrawn, and an announcement is used up by the first connection that matches it.
 */
public final class ProbeAdmission {
    /** Never more than a few probes at once; the bound keeps a misbehaving caller from growing the set. */
    private static final int MOST_EXPECTED = 16;

    private final Set<InetSocketAddress> expected = ConcurrentHashMap.newKeySet();

    /** Announces the probe's bound source; ignored unless it is a specific local address and port. */
    public void expect(InetSocketAddress source) {
        if (source.getAddress() != null && !source.getAddress().isAnyLocalAddress() && source.getPort() != 0
                && expected.size() < MOST_EXPECTED) {
            expected.add(source);
        }
    }

    /** Withdraws an announcement (the probe is done or failed); called before the probe's socket closes. */
    public void withdraw(InetSocketAddress source) {
        expected.remove(source);
    }

    /**
     * Whether a connection the policy refuses is the probe: from an announced source, on this machine. Uses the
     * announcement up.
     */
    boolean admits(InetSocketAddress remote, InetSocketAddress local) {
        if (remote == null || local == null || remote.getAddress() == null || expected.isEmpty()) {
            return false;
        }
        boolean sameMachine = remote.getAddress().isLoopbackAddress() || remote.getAddress().equals(local.getAddress());
        return sameMachine && expected.remove(remote);
    }
}
