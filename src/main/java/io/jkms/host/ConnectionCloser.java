package io.jkms.host;

import io.jkms.activation.HostCounters;
import io.jkms.activation.Refusal;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.AttributeKey;
import java.util.Optional;

/**
 * Where every close the host decides on goes through: the reason ({@link Refusal}) is counted for its metric
 * label, logged (rate-limited; an idle peer is ordinary and not logged, and an error is logged with its cause
 * where it is caught), and kept on the channel, where tests
 * and anything on the channel's close can read it. A connection without a reason was closed by its peer.
 * One per listener, shared by its connections.
 */
final class ConnectionCloser {
    private static final AttributeKey<Refusal> REASON = AttributeKey.valueOf(ConnectionCloser.class, "reason");

    private final HostCounters counters;
    private final RefusalLog log;

    ConnectionCloser(HostCounters counters, RefusalLog log) {
        this.counters = counters;
        this.log = log;
    }

    /** Decides that the channel closes for {@code reason}; the caller closes it (at once, or after its writes). */
    void decide(Channel channel, Refusal reason, String detail) {
        if (channel.attr(REASON).setIfAbsent(reason) != null) {
            return; // already closing for an earlier reason: counted and logged once, under that one
        }
        counters.count(reason);
        if (reason != Refusal.IDLE && reason != Refusal.ERROR) {
            log.closed(reason, channel.remoteAddress(), detail);
        }
    }

    /** {@link #decide}, then closes at once. */
    void close(ChannelHandlerContext ctx, Refusal reason, String detail) {
        decide(ctx.channel(), reason, detail);
        ctx.close();
    }

    /** Why the host closed (or is closing) the channel; empty while it is open or when the peer closed it. */
    static Optional<Refusal> reason(Channel channel) {
        return channel.hasAttr(REASON) ? Optional.ofNullable(channel.attr(REASON).get()) : Optional.empty();
    }
}
