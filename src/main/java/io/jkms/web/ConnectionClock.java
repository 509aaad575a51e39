package io.jkms.web;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deadlines of one dashboard connection, first in its pipeline so that it sees raw bytes (TLS records
 * included). Waiting for a request, the connection has the idle timeout (the request timeout before its first
 * request); from the first byte of a request, the request timeout for the whole of it, however slowly it comes
 * (Netty's ReadTimeoutHandler restarts on every byte, which is what a slow-loris exploits); while the page is
 * made and written, a response timeout. Runs on the connection's event loop only.
 */
final class ConnectionClock extends ChannelInboundHandlerAdapter {
    /** Longest a page may take to be made and written to a peer before the connection is closed. */
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionClock.class);
    private static final AttributeKey<Boolean> BUSY = AttributeKey.valueOf("jkms.web.busy");

    private enum State { IDLE, READING, HANDLING }

    private final WebLimits limits;
    private final WebCounters counters;
    private final LongSupplier nanos;
    private ChannelHandlerContext ctx;
    private State state = State.IDLE;
    private boolean firstRequest = true;
    /** When bytes of the next request arrived while this one was handled (pipelining), else -1. */
    private long nextStarted = -1;
    private ScheduledFuture<?> timer;
    /** Requests received and not yet answered (more than one: pipelining). */
    private int pending;

    ConnectionClock(WebLimits limits, WebCounters counters) {
        this(limits, counters, System::nanoTime);
    }

    /** @param nanos the time source of the deadlines (a test moves it with the channel's scheduler) */
    ConnectionClock(WebLimits limits, WebCounters counters, LongSupplier nanos) {
        this.limits = limits;
        this.counters = counters;
        this.nanos = nanos;
    }

    /** Whether the connection is in the middle of a request (for eviction, which spares those if it can). */
    static boolean busy(Channel channel) {
        return Boolean.TRUE.equals(channel.attr(BUSY).get());
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) throws Exception {
        idle();
        super.channelActive(context);
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) throws Exception {
        if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
            if (state == State.IDLE) {
                reading(nanos.getAsLong());
            } else if (state == State.HANDLING && nextStarted < 0) {
                nextStarted = nanos.getAsLong();
            }
        }
        super.channelRead(context, msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        cancel();
        super.channelInactive(context);
    }

    /** A whole request has arrived: its page is being made. */
    void requestComplete() {
        firstRequest = false;
        state = State.HANDLING;
        ctx.channel().attr(BUSY).set(true);
        schedule(RESPONSE_TIMEOUT.toNanos(), WebClose.RESPONSE_TIMEOUT);
    }

    /** One more request decoded (it may wait behind others); how many are now waiting or being answered. */
    int requestDecoded() {
        return ++pending;
    }

    /** The answer is written; the connection waits for (or is already reading) its next request. */
    void responseWritten() {
        pending--;
        if (nextStarted >= 0) {
            long started = nextStarted;
            nextStarted = -1;
            reading(started);
        } else {
            idle();
        }
    }

    private void idle() {
        state = State.IDLE;
        ctx.channel().attr(BUSY).set(false);
        Duration wait = firstRequest ? limits.requestTimeout() : limits.idleTimeout();
        schedule(wait.toNanos(), WebClose.IDLE_TIMEOUT);
    }

    private void reading(long startedNanos) {
        state = State.READING;
        ctx.channel().attr(BUSY).set(true);
        long left = limits.requestTimeout().toNanos() - (nanos.getAsLong() - startedNanos);
        schedule(Math.max(0, left), WebClose.REQUEST_TIMEOUT);
    }

    private void schedule(long delayNanos, WebClose reason) {
        cancel();
        timer = ctx.executor().schedule(() -> expire(reason), delayNanos, TimeUnit.NANOSECONDS);
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void expire(WebClose reason) {
        if (!ctx.channel().isActive()) {
            return;
        }
        counters.count(reason);
        LOG.debug("dashboard connection {}: closed, {}", ctx.channel().remoteAddress(), reason.label());
        ctx.close();
    }
}
