package io.jkms.host;

import io.jkms.activation.Refusal;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.concurrent.Ticker;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a connection's deadlines other than the idle timeout ({@link ConnectionClock}: first byte, a PDU whole
 * within the read timeout of its first byte, answers taken within the write timeout, the lifetime) with one
 * timer on the event loop's {@link Ticker}, armed for the earliest of them and moved only when a deadline comes
 * nearer (a PDU left half sent, answers that stop draining): a client trickling one byte a second, or sending
 * nothing, or never reading its answers, keeps a connection for a bounded time only.
 *
 * <p>It also applies backpressure: while the connection's unsent answers are above Netty's high water mark, it
 * stops reading from the peer (auto-read off), so that what a peer has sent but not yet been answered stays in
 * the kernel's buffers and not in the host's memory.
 *
 * <p>It sits before the {@link PduFrameDecoder}, whose buffered bytes after each read say whether a PDU is
 * left half received.
 */
final class ReadDeadlineHandler extends ChannelInboundHandlerAdapter {
    private final ConnectionClock.Limits limits;
    private final PduFrameDecoder framer;
    private final ConnectionCloser closer;
    private Ticker ticker;
    private ConnectionClock clock;
    private OpenConnection connection;
    private ScheduledFuture<?> timer;
    private long timerAt;

    ReadDeadlineHandler(ConnectionClock.Limits limits, PduFrameDecoder framer, ConnectionCloser closer) {
        this.limits = limits;
        this.framer = framer;
        this.closer = closer;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        ticker = ctx.executor().ticker();
        clock = new ConnectionClock(limits, ticker.nanoTime());
        connection = ctx.channel().attr(OpenConnection.KEY).get(); // null outside a KmsServer
        arm(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    /** Schedules the check for the clock's earliest deadline, unless the timer already fires before it. */
    private void arm(ChannelHandlerContext ctx) {
        long at = clock.nextDeadline();
        if (timer != null) {
            if (timerAt - at <= 0) {
                return;
            }
            timer.cancel(false);
        }
        timerAt = at;
        timer = ctx.executor().schedule(() -> check(ctx), Math.max(0, at - ticker.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void check(ChannelHandlerContext ctx) {
        timer = null;
        if (!ctx.channel().isActive()) {
            return;
        }
        Refusal expired = clock.expired(ticker.nanoTime());
        if (expired == null) {
            arm(ctx);
            return;
        }
        closer.close(ctx, expired, "deadline passed");
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ctx.fireChannelRead(msg); // the framer takes what it can of these bytes, and keeps the rest
        boolean partial = framer.buffered() > 0;
        boolean started = partial && !clock.partial();
        clock.read(ticker.nanoTime(), partial);
        if (connection != null) {
            connection.midPdu(partial);
        }
        if (started) {
            arm(ctx); // the read deadline may come before the timer
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        boolean writable = ctx.channel().isWritable();
        // Off: the peer's next requests wait in the kernel. On again: Netty reads at once.
        ctx.channel().config().setAutoRead(writable);
        clock.stalled(ticker.nanoTime(), !writable);
        arm(ctx);
        ctx.fireChannelWritabilityChanged();
    }
}
