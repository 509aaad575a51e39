package io.jkms.web;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * At most one log line per kind per interval, and then how many were left out: a flood (of refused connections,
 * of wrong tokens) must not become a flood of log lines.
 */
final class LogLimiter {
    private final long intervalNanos;
    private final Map<Object, long[]> state = new HashMap<>();

    LogLimiter(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    /** The number of lines left out since the last one if a line of this kind may be logged now, else empty. */
    synchronized OptionalLong permit(Object kind, long nowNanos) {
        long[] s = state.computeIfAbsent(kind, k -> new long[] {nowNanos - intervalNanos, 0});
        if (nowNanos - s[0] >= intervalNanos) {
            long suppressed = s[1];
            s[0] = nowNanos;
            s[1] = 0;
            return OptionalLong.of(suppressed);
        }
        s[1]++;
        return OptionalLong.empty();
    }

    static String suppressed(long count) {
        return count == 0 ? "" : " (" + count + " more since the last such line)";
    }
}
