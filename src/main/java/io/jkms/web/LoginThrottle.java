package io.jkms.web;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Failed logins per client address (IPv6: per /64): after {@value #FREE_FAILURES} in a row the login form is
 * closed to that address for 30 s, and each further failure doubles the wait, up to 15 min; a good login
 * starts over. While closed, the token is not even compared. The table is bounded: entries are forgotten an hour
 * after their last failure, and when {@value #MAX_ADDRESSES} addresses are failing at once, addresses not yet in
 * the table are refused too (an attacker cannot wash out its own record by failing from many addresses).
 */
final class LoginThrottle {
    static final int FREE_FAILURES = 5;
    static final int MAX_ADDRESSES = 10_000;
    static final long FIRST_WAIT_NANOS = 30_000_000_000L;
    static final long MAX_WAIT_NANOS = 15 * 60_000_000_000L;
    static final long FORGET_NANOS = 60 * 60_000_000_000L;

    private final LongSupplier nanos;
    private final Map<String, Failures> table = new HashMap<>();

    private static final class Failures {
        int count;
        long last;
        long blockedUntil;
    }

    LoginThrottle(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /** Seconds the address must wait before its next login attempt, or empty if it may try now. */
    synchronized OptionalLong retryAfter(InetAddress address) {
        long now = nanos.getAsLong();
        Failures f = table.get(ConnectionTable.key(address));
        if (f == null) {
            return table.size() >= MAX_ADDRESSES && !sweep(now) ? OptionalLong.of(FORGET_NANOS / 1_000_000_000L)
                    : OptionalLong.empty();
        }
        long left = f.blockedUntil - now;
        return left > 0 ? OptionalLong.of((left + 999_999_999L) / 1_000_000_000L) : OptionalLong.empty();
    }

    /** Records a wrong token; returns how many in a row this address has now. */
    synchronized int failed(InetAddress address) {
        long now = nanos.getAsLong();
        String key = ConnectionTable.key(address);
        if (!table.containsKey(key) && table.size() >= MAX_ADDRESSES && !sweep(now)) {
            return FREE_FAILURES + 1;
        }
        Failures f = table.computeIfAbsent(key, k -> new Failures());
        f.count++;
        f.last = now;
        if (f.count >= FREE_FAILURES) {
            int doublings = Math.min(f.count - FREE_FAILURES, 10);
            f.blockedUntil = now + Math.min(MAX_WAIT_NANOS, FIRST_WAIT_NANOS << doublings);
        }
        return f.count;
    }

    synchronized void succeeded(InetAddress address) {
        table.remove(ConnectionTable.key(address));
    }

    private boolean sweep(long now) {
        table.values().removeIf(f -> now - f.last > FORGET_NANOS && now - f.blockedUntil > 0);
        return table.size() < MAX_ADDRESSES;
    }
}
