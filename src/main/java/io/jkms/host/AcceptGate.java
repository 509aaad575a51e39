package io.jkms.host;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sits on the listening socket and sees each accepted connection in accept order, before it is registered
 * or a byte of it is read: connections over the limit are closed right there. Counting here (not in the
 * connection's own pipeline) makes the limit exact even when connections land on different threads.
 */
@ChannelHandler.Sharable
final class AcceptGate extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(AcceptGate.class);

    private final int maxConnections;
    private final AtomicInteger open = new AtomicInteger();

    AcceptGate(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Channel child = (Channel) msg;
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            LOG.debug("{}: over {} connections, closing", child.remoteAddress(), maxConnections);
            child.unsafe().closeForcibly();
            return;
        }
        child.closeFuture().addListener(f -> open.decrementAndGet());
        ctx.fireChannelRead(msg);
    }

    int openConnections() {
        return open.get();
    }
}
