package io.jkms.host;

import io.jkms.activation.Refusal;

/**
 * The deadlines of one connection, as pure arithmetic on nanosecond timestamps (no timer, no I/O; one per
 * connection, used on its I/O thread only, by {@link ReadDeadlineHandler}):
 * <ul>
 *   <li>lifetime: closed this long after it was accepted, whatever it does;</li>
 *   <li>first byte: closed if it has sent nothing this long after it was accepted;</li>
 *   <li>read: a PDU must be complete this long after its first byte;</li>
 *   <li>write: while the host holds more of its answers than the high water mark (and so does not read from
 *       it), the peer must take them within this long. The read deadline is suspended meanwhile, since the
 *       peer cannot be blamed for not sending while the host does not read, and starts afresh when the
 *       answers drain.</li>
 * </ul>
 * The idle timeout (no byte for this long) is {@link IdleTimeoutHandler}'s, Netty's idle detection; its value
 * travels in the same {@link Limits}.
 */
final class ConnectionClock {
    private static final long NONE = Long.MAX_VALUE;

    /** The timeouts, in nanoseconds. */
    record Limits(long firstByte, long idle, long read, long write, long lifetime) {
        static Limits of(ListenerSettings settings) {
            ConnectionBounds b = settings.bounds();
            return new Limits(b.firstByteTimeout().toNanos(), settings.idleTimeout().toNanos(),
                    settings.readTimeout().toNanos(), b.writeTimeout().toNanos(), b.maxConnectionTime().toNanos());
        }
    }

    private final Limits limits;
    private final long accepted;
    private boolean anyByte;
    private long partialSince = NONE;
    private long stalledSince = NONE;

    ConnectionClock(Limits limits, long acceptedNanos) {
        this.limits = limits;
        this.accepted = acceptedNanos;
    }

    /** Bytes arrived; {@code partial}: a PDU is left incomplete after them. */
    void read(long now, boolean partial) {
        anyByte = true;
        if (!partial) {
            partialSince = NONE;
        } else if (partialSince == NONE) {
            partialSince = now;
        }
    }

    boolean partial() {
        return partialSince != NONE;
    }

    /** The host's unsent answers passed the high water mark ({@code true}) or fell below the low one. */
    void stalled(long now, boolean stalled) {
        if (stalled && stalledSince == NONE) {
            stalledSince = now;
        } else if (!stalled && stalledSince != NONE) {
            stalledSince = NONE;
            partialSince = partialSince == NONE ? NONE : now;
        }
    }

    /** Why the connection must close at {@code now}, or null while no deadline has passed. */
    Refusal expired(long now) {
        Deadline first = earliest();
        return first.at() - now <= 0 ? first.reason() : null;
    }

    /** The earliest deadline, as a nanosecond timestamp. */
    long nextDeadline() {
        return earliest().at();
    }

    private Deadline earliest() {
        Deadline first = new Deadline(accepted + limits.lifetime(), Refusal.LIFETIME);
        if (stalledSince != NONE) {
            return first.min(stalledSince + limits.write(), Refusal.WRITE_TIMEOUT);
        }
        if (!anyByte) {
            first = first.min(accepted + limits.firstByte(), Refusal.FIRST_BYTE_TIMEOUT);
        }
        if (partialSince != NONE) {
            first = first.min(partialSince + limits.read(), Refusal.READ_DEADLINE);
        }
        return first;
    }

    private record Deadline(long at, Refusal reason) {
        /** The earlier of the two; on a tie the one already held. Compared by difference, as nanoTime must be. */
        Deadline min(long other, Refusal otherReason) {
            return other - at < 0 ? new Deadline(other, otherReason) : this;
        }
    }
}
