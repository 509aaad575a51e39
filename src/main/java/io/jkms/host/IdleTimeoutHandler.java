package io.jkms.host;

import io.jkms.activation.Refusal;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection that has sent no byte for the idle timeout ({@link Refusal#IDLE}; Windows drops its own
 * idle connections at 30 s): Netty's reader-idle detection, on the event loop's ticker. While the host holds
 * answers above the high water mark it does not read from the peer, which cannot then be blamed for sending
 * nothing: the write timeout ({@link ReadDeadlineHandler}) is in charge meanwhile, and the idle time starts
 * afresh once the answers drain. It sits first in the pipeline, where every byte passes.
 */
final class IdleTimeoutHandler extends IdleStateHandler {
    private final ConnectionCloser closer;

    IdleTimeoutHandler(long idleNanos, ConnectionCloser closer) {
        super(false, idleNanos, 0, 0, TimeUnit.NANOSECONDS);
        this.closer = closer;
    }

    @Override
    protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent event) {
        if (event.state() == IdleState.READER_IDLE && ctx.channel().isWritable() && ctx.channel().isActive()) {
            closer.close(ctx, Refusal.IDLE, "no byte within the idle timeout");
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (ctx.channel().isWritable()) {
            resetReadTimeout();
        }
        super.channelWritabilityChanged(ctx);
    }
}
