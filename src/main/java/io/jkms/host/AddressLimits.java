package io.jkms.host;

import io.jkms.activation.Refusal;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-client-address limits: open connections, and new connections per second (a token bucket). IPv6
 * clients are keyed by their /64, since one host commonly owns a whole /64. The table is bounded: idle
 * entries are swept when it grows, and when it is full of busy addresses new addresses are refused.
 */
final class AddressLimits {
    static final int MAX_ENTRIES = 100_000;

    private final int maxPerAddress;
    private final double ratePerSecond;
    private final double burst;
    private final Map<Key, Entry> table = new ConcurrentHashMap<>();

    /**
     * @param maxPerAddress open connections per address, 0 for no limit
     * @param ratePerSecond new connections per second per address, 0 for no limit
     * @param burst         how many new connections may come at once
     */
    AddressLimits(int maxPerAddress, double ratePerSecond, int burst) {
        this.maxPerAddress = maxPerAddress;
        this.ratePerSecond = ratePerSecond;
        this.burst = Math.max(1, burst);
    }

    boolean enabled() {
        return maxPerAddress > 0 || ratePerSecond > 0;
    }

    /** Admits a connection from the address (the caller must {@link #release} it later), or says why not. */
    Optional<Refusal> admit(InetAddress address, long nowNanos) {
        Key key = Key.of(address);
        Entry entry = table.get(key);
        if (entry == null) {
            if (table.size() >= MAX_ENTRIES && !sweep(nowNanos)) {
                return Optional.of(Refusal.MAX_PER_ADDRESS);
            }
            entry = table.computeIfAbsent(key, k -> new Entry(burst, nowNanos));
        }
        return entry.admit(nowNanos, maxPerAddress, ratePerSecond, burst);
    }

    void release(InetAddress address) {
        Entry entry = table.get(Key.of(address));
        if (entry != null) {
            entry.release();
        }
    }

    /** Drops entries with no open connection and a full bucket; true if that made room. */
    private boolean sweep(long nowNanos) {
        table.entrySet().removeIf(e -> e.getValue().idle(nowNanos, ratePerSecond, burst));
        return table.size() < MAX_ENTRIES;
    }

    int size() {
        return table.size();
    }

    private record Key(byte[] bytes) {
        static Key of(InetAddress address) {
            byte[] b = address.getAddress();
            return new Key(address instanceof Inet6Address ? Arrays.copyOf(b, 8) : b);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(k.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }

    private static final class Entry {
        private int open;
        private double tokens;
        private long refilled;

        Entry(double tokens, long now) {
            this.tokens = tokens;
            this.refilled = now;
        }

        synchronized Optional<Refusal> admit(long now, int max, double rate, double burst) {
            if (max > 0 && open >= max) {
                return Optional.of(Refusal.MAX_PER_ADDRESS);
            }
            if (rate > 0) {
                refill(now, rate, burst);
                if (tokens < 1) {
                    return Optional.of(Refusal.RATE_LIMITED);
                }
                tokens -= 1;
            }
            open++;
            return Optional.empty();
        }

        synchronized void release() {
            open--;
        }

        synchronized boolean idle(long now, double rate, double burst) {
            if (rate > 0) {
                refill(now, rate, burst);
            }
            return open == 0 && (rate <= 0 || tokens >= burst);
        }

        private void refill(long now, double rate, double burst) {
            tokens = Math.min(burst, tokens + (now - refilled) / 1e9 * rate);
            refilled = now;
        }
    }
}
