package io.jkms.host;

import io.netty.channel.WriteBufferWaterMark;
import java.time.Duration;

/**
 * What one connection may hold, and for how long, beyond the idle and read timeouts: the defences against
 * slow readers and against connections that hold a slot while sending nothing.
 *
 * @param firstByteTimeout  a connection that has sent nothing this long after it was accepted is closed
 * @param writeTimeout      once a connection's unsent answers pass half of {@code maxQueuedBytes} the host stops
 *                          reading from it; if the peer has not taken them down to a quarter within this long,
 *                          the connection is closed
 * @param maxConnectionTime every connection is closed this long after it was accepted, whatever it does
 * @param maxQueuedBytes    unsent answer bytes one connection may have (Netty's count, with its per-write
 *                          overhead); past it the connection is closed
 */
public record ConnectionBounds(Duration firstByteTimeout, Duration writeTimeout, Duration maxConnectionTime,
                               int maxQueuedBytes) {
    /** Room for a few answers: a KMS answer is at most a few hundred bytes. */
    public static final int MIN_QUEUED_BYTES = 1024;

    public ConnectionBounds {
        requirePositive(firstByteTimeout, "first-byte timeout");
        requirePositive(writeTimeout, "write timeout");
        requirePositive(maxConnectionTime, "connection lifetime");
        if (maxQueuedBytes < MIN_QUEUED_BYTES) {
            throw new IllegalArgumentException("max queued bytes must be at least " + MIN_QUEUED_BYTES + ": "
                    + maxQueuedBytes);
        }
    }

    private static void requirePositive(Duration duration, String what) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + duration);
        }
    }

    /**
     * 5 s to send a first byte (a Windows client sends its BIND at once), 10 s to drain answers, 5 minutes per
     * connection (a client needs milliseconds per activation) and 8 KiB of unsent answers (some 25 of them; a
     * client reads each before it asks again).
     */
    public static ConnectionBounds defaults() {
        return new ConnectionBounds(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMinutes(5), 8192);
    }

    /** Reading stops above half the cap and resumes below a quarter. */
    WriteBufferWaterMark waterMark() {
        return new WriteBufferWaterMark(maxQueuedBytes / 4, maxQueuedBytes / 2);
    }
}
