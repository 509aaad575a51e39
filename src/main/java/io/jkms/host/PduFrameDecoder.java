package io.jkms.host;

import io.jkms.activation.HostCounters;
import io.jkms.activation.Refusal;
import io.jkms.activation.RpcProblemListener;
import io.jkms.rpc.PduCodec;
import io.jkms.wire.Bytes;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Frames the TCP stream into whole RPC fragments by the header's {@code frag_length}, checked against a
 * maximum before anything is buffered; a fragment arriving in many reads is assembled here, one arriving
 * with another in a read is split here.
 *
 * <p>It also keeps the connection's deadlines ({@link ConnectionClock}) with one timer, armed for the earliest
 * of them and moved only when a deadline comes nearer (a PDU left half sent, answers that stop draining):
 * a client trickling one byte a second, or sending nothing, or never reading its answers, keeps a connection
 * for a bounded time only. And it applies backpressure: while the connection's unsent answers are above
 * Netty's high water mark, it stops reading from the peer (auto-read off), so that what a peer has sent but
 * not yet been answered stays in the kernel's buffers and not in the host's memory.
 */
final class PduFrameDecoder extends ByteToMessageDecoder {
    private static final int FRAG_LENGTH_OFFSET = 8;

    private final int maxFragLength;
    private final ConnectionClock.Limits limits;
    private final HostCounters counters;
    private final RefusalLog log;
    private final RpcProblemListener problems;
    private final LongSupplier nanoTime;
    private ConnectionClock clock;
    private OpenConnection connection;
    private ScheduledFuture<?> timer;
    private long timerAt;

    /** @param nanoTime the clock of the deadlines ({@code System::nanoTime}; a fake one in tests) */
    PduFrameDecoder(int maxFragLength, ConnectionClock.Limits limits, HostCounters counters, RefusalLog log,
                    RpcProblemListener problems, LongSupplier nanoTime) {
        this.maxFragLength = maxFragLength;
        this.limits = limits;
        this.counters = counters;
        this.log = log;
        this.problems = problems;
        this.nanoTime = nanoTime;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        clock = new ConnectionClock(limits, nanoTime.getAsLong());
        connection = ctx.channel().attr(OpenConnection.KEY).get(); // null outside a KmsServer
        arm(ctx);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
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
        timer = ctx.executor().schedule(() -> check(ctx), Math.max(0, at - nanoTime.getAsLong()), TimeUnit.NANOSECONDS);
    }

    private void check(ChannelHandlerContext ctx) {
        timer = null;
        if (!ctx.channel().isActive()) {
            return;
        }
        Refusal expired = clock.expired(nanoTime.getAsLong());
        if (expired == null) {
            arm(ctx);
            return;
        }
        counters.count(expired);
        if (expired != Refusal.IDLE) { // an idle peer is ordinary; every other deadline is logged, rate-limited
            log.closed(expired, ctx.channel().remoteAddress(), "deadline passed");
        }
        ctx.close();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        boolean writable = ctx.channel().isWritable();
        // Off: the peer's next requests wait in the kernel. On again: Netty reads at once.
        ctx.channel().config().setAutoRead(writable);
        clock.stalled(nanoTime.getAsLong(), !writable);
        arm(ctx);
        super.channelWritabilityChanged(ctx);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (!ctx.channel().isActive()) {
            in.skipBytes(in.readableBytes()); // closed by a limit while this read is decoded: answer nothing more
            return;
        }
        while (in.readableBytes() >= PduCodec.HEADER_LENGTH) {
            int fragLength = in.getUnsignedShortLE(in.readerIndex() + FRAG_LENGTH_OFFSET);
            if (fragLength < PduCodec.HEADER_LENGTH || fragLength > maxFragLength) {
                in.skipBytes(in.readableBytes());
                counters.count(Refusal.FRAME_TOO_LARGE);
                log.closed(Refusal.FRAME_TOO_LARGE, ctx.channel().remoteAddress(), "frag_length " + fragLength
                        + ", allowed " + PduCodec.HEADER_LENGTH + " to " + maxFragLength);
                problems.onProblem(RpcProblemListener.Kind.FRAME_LENGTH, "none");
                ctx.close();
                return;
            }
            if (in.readableBytes() < fragLength) {
                break;
            }
            byte[] fragment = new byte[fragLength];
            in.readBytes(fragment);
            out.add(Bytes.wrapOwned(fragment));
        }
        boolean partial = in.isReadable();
        boolean started = partial && !clock.partial();
        clock.read(nanoTime.getAsLong(), partial);
        if (connection != null) {
            connection.midPdu(partial);
        }
        if (started) {
            arm(ctx); // the read deadline may come before the timer
        }
    }
}
