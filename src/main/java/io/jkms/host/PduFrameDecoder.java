package io.jkms.host;

import io.jkms.rpc.PduCodec;
import io.jkms.wire.Bytes;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Frames the TCP stream into whole RPC fragments by the header's {@code frag_length}, checked against a
 * maximum before anything is buffered; a fragment arriving in many reads is assembled here, one arriving
 * with another in a read is split here.
 *
 * <p>It also keeps the connection's two clocks with one timer: no traffic for the idle timeout closes the
 * connection, and so does a PDU that is not complete within the read timeout of its first byte — a client
 * trickling one byte a second keeps a connection busy but never gets past this.
 */
final class PduFrameDecoder extends ByteToMessageDecoder {
    private static final int FRAG_LENGTH_OFFSET = 8;

    private final int maxFragLength;
    private final long idleNanos;
    private final long readNanos;
    private final HostCounters counters;
    private final RefusalLog log;
    private final RpcProblemListener problems;
    private long lastRead;
    private long partialSince;
    private ScheduledFuture<?> timer;

    PduFrameDecoder(int maxFragLength, long idleNanos, long readNanos, HostCounters counters, RefusalLog log,
                    RpcProblemListener problems) {
        this.log = log;
        this.maxFragLength = maxFragLength;
        this.idleNanos = idleNanos;
        this.readNanos = readNanos;
        this.counters = counters;
        this.problems = problems;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        lastRead = System.nanoTime();
        schedule(ctx, Math.min(idleNanos, readNanos));
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private void schedule(ChannelHandlerContext ctx, long delayNanos) {
        timer = ctx.executor().schedule(() -> check(ctx), delayNanos, TimeUnit.NANOSECONDS);
    }

    private void check(ChannelHandlerContext ctx) {
        if (!ctx.channel().isActive()) {
            return;
        }
        long now = System.nanoTime();
        if (partialSince != 0 && now - partialSince >= readNanos) {
            counters.count(Refusal.READ_DEADLINE);
            log.closed(Refusal.READ_DEADLINE, ctx.channel().remoteAddress(), "PDU not complete "
                    + TimeUnit.NANOSECONDS.toSeconds(readNanos) + " s after its first byte");
            ctx.close();
        } else if (now - lastRead >= idleNanos) {
            counters.count(Refusal.IDLE);
            ctx.close();
        } else {
            long idleLeft = idleNanos - (now - lastRead);
            long readLeft = partialSince == 0 ? Long.MAX_VALUE : readNanos - (now - partialSince);
            schedule(ctx, Math.min(idleLeft, readLeft));
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        long now = System.nanoTime();
        lastRead = now;
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
        if (!in.isReadable()) {
            partialSince = 0;
        } else if (partialSince == 0) {
            partialSince = now;
        }
    }
}
