package io.jkms.host;

import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The admitted connections in accept order, so that at capacity the oldest idle one can make room for a
 * newcomer. Touched once when a connection is admitted, once when it closes, and by evictions; never per
 * request. A lock suffices at that rate.
 */
final class OpenConnections {
    /**
     * Connections looked at per eviction. Busy ones seen go to the back, so a run of busy connections at the
     * front does not make every later eviction look at them again, and an eviction costs a bounded time.
     */
    static final int SCAN_LIMIT = 64;

    private final LinkedHashSet<OpenConnection> order = new LinkedHashSet<>();

    synchronized void add(OpenConnection connection) {
        order.add(connection);
    }

    synchronized void remove(OpenConnection connection) {
        order.remove(connection);
    }

    synchronized int size() {
        return order.size();
    }

    /** Removes and returns the oldest idle connection among the first {@link #SCAN_LIMIT}, if there is one. */
    synchronized Optional<OpenConnection> takeOldestIdle() {
        List<OpenConnection> busy = new ArrayList<>();
        Optional<OpenConnection> found = Optional.empty();
        Iterator<OpenConnection> it = order.iterator();
        while (found.isEmpty() && busy.size() < SCAN_LIMIT && it.hasNext()) {
            OpenConnection candidate = it.next();
            it.remove();
            if (candidate.idle()) {
                found = Optional.of(candidate);
            } else {
                busy.add(candidate);
            }
        }
        order.addAll(busy);
        return found;
    }

    /** The channels of the admitted connections now, oldest first: for the drain at a stop and for sampling. */
    synchronized List<Channel> channels() {
        List<Channel> channels = new ArrayList<>(order.size());
        for (OpenConnection connection : order) {
            channels.add(connection.channel());
        }
        return channels;
    }

    /** How many are idle now; walks them all, for tests and occasional sampling. */
    synchronized int idle() {
        int idle = 0;
        for (OpenConnection connection : order) {
            idle += connection.idle() ? 1 : 0;
        }
        return idle;
    }
}
