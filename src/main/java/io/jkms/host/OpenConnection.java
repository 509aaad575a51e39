package io.jkms.host;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.util.AttributeKey;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One admitted connection as the accept gate sees it: whether it is idle (so that it may be evicted to make
 * room at capacity), and the release of its slots in the connection limits, done exactly once, either when it
 * closes or as soon as it is evicted.
 */
final class OpenConnection {
    /** Where the connection's pipeline finds it. */
    static final AttributeKey<OpenConnection> KEY = AttributeKey.valueOf(OpenConnection.class, "open");

    private final Channel channel;
    private final Runnable release;
    private final AtomicBoolean released = new AtomicBoolean();
    private volatile boolean midPdu;

    OpenConnection(Channel channel, Runnable release) {
        this.channel = channel;
        this.release = release;
    }

    /** Set by {@link ReadDeadlineHandler} (its I/O thread) when a PDU is left incomplete, cleared when none is. */
    void midPdu(boolean value) {
        if (midPdu != value) {
            midPdu = value;
        }
    }

    /**
     * Sent nothing yet, or between requests: no PDU half received and no answer waiting for the peer. Read
     * from the accept thread: both are volatile reads.
     */
    boolean idle() {
        if (midPdu) {
            return false;
        }
        ChannelOutboundBuffer out = channel.unsafe().outboundBuffer();
        return out == null || out.totalPendingWriteBytes() == 0;
    }

    Channel channel() {
        return channel;
    }

    /** Frees its slots in the limits; only the first call counts. */
    void release() {
        if (released.compareAndSet(false, true)) {
            release.run();
        }
    }

    /** Frees its slots now (the newcomer takes them) and closes it. */
    void evict() {
        release();
        channel.close();
    }
}
