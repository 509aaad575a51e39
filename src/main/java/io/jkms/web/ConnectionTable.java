package io.jkms.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The web port's open connections by client address (IPv6: by /64, as one machine commonly owns a /64), in
 * accept order. When the port is full, a newcomer is not simply refused, or whoever holds the port (an idle
 * flood) would lock everyone else out: the address holding the most connections gives up one (an idle one if
 * it has any, else its oldest), as long as it holds at least two more than the newcomer's address. So an
 * address with few connections always gets in unless the port is shared evenly among more than
 * {@code max / 2} addresses, and attackers cannot take each other's places in a loop.
 *
 * @param <C> a connection
 */
final class ConnectionTable<C> {
    private final int max;
    private final int perAddress;
    private final Predicate<C> busy;
    private final Map<String, ArrayDeque<C>> byAddress = new HashMap<>();
    private int open;

    /** What to do with a new connection. */
    sealed interface Decision<C> {
    }

    /** Admitted; {@code evict} must be closed to make room. */
    record Admit<C>(Optional<C> evict) implements Decision<C> {
    }

    record Refuse<C>(WebClose reason) implements Decision<C> {
    }

    /**
     * @param busy whether a connection is in the middle of a request (those are evicted last)
     */
    ConnectionTable(int max, int perAddress, Predicate<C> busy) {
        this.max = max;
        this.perAddress = perAddress;
        this.busy = busy;
    }

    synchronized Decision<C> admit(InetAddress address, C connection) {
        String key = key(address);
        ArrayDeque<C> own = byAddress.get(key);
        int ownCount = own == null ? 0 : own.size();
        if (perAddress > 0 && ownCount >= perAddress) {
            return new Refuse<>(WebClose.MAX_PER_ADDRESS);
        }
        Optional<C> evict = Optional.empty();
        if (open >= max) {
            Map.Entry<String, ArrayDeque<C>> busiest = busiest();
            if (busiest == null || busiest.getValue().size() < ownCount + 2) {
                return new Refuse<>(WebClose.MAX_CONNECTIONS);
            }
            evict = Optional.of(victim(busiest.getValue()));
            remove(busiest.getKey(), evict.get());
        }
        byAddress.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(connection);
        open++;
        return new Admit<>(evict);
    }

    /** Forgets a closed connection (one already evicted is not counted twice). */
    synchronized void release(InetAddress address, C connection) {
        remove(key(address), connection);
    }

    synchronized int open() {
        return open;
    }

    private void remove(String key, C connection) {
        ArrayDeque<C> list = byAddress.get(key);
        if (list != null && list.remove(connection)) {
            open--;
            if (list.isEmpty()) {
                byAddress.remove(key);
            }
        }
    }

    private Map.Entry<String, ArrayDeque<C>> busiest() {
        Map.Entry<String, ArrayDeque<C>> busiest = null;
        for (Map.Entry<String, ArrayDeque<C>> entry : byAddress.entrySet()) {
            if (busiest == null || entry.getValue().size() > busiest.getValue().size()) {
                busiest = entry;
            }
        }
        return busiest;
    }

    private C victim(ArrayDeque<C> connections) {
        for (C connection : connections) {
            if (!busy.test(connection)) {
                return connection;
            }
        }
        return connections.getFirst();
    }

    static String key(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        }
        return address.getHostAddress();
    }
}
