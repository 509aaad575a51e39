package io.jkms.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * Pipelined requests wait, decoded, until the ones before them are answered; one read can bring thousands of tiny
 * ones (a 64 KiB read of {@code GET / HTTP/1.1} lines), so a connection may have at most {@value #MAX_PENDING}
 * waiting, and one that sends more is closed: memory per connection stays bounded whatever the peer sends.
 */
final class PipelineLimit extends ChannelInboundHandlerAdapter {
    static final int MAX_PENDING = 16;

    private final ConnectionClock clock;
    private final WebCounters counters;

    PipelineLimit(ConnectionClock clock, WebCounters counters) {
        this.clock = clock;
        this.counters = counters;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (clock.requestDecoded() > MAX_PENDING) {
            ReferenceCountUtil.release(msg);
            if (ctx.channel().isActive()) {
                counters.count(WebClose.PIPELINE_LIMIT);
                ctx.close();
            }
            return;
        }
        ctx.fireChannelRead(msg);
    }
}
