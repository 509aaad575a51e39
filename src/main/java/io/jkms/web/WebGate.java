package io.jkms.web;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sits on the dashboard's listening socket and decides on each accepted connection before a byte of it is
 * read: a refused peer costs an accept and a close, so a flood of them cannot use up the process's file
 * descriptors (which the KMS port needs too). See {@link ConnectionTable} for who gets in when the port is full.
 */
@ChannelHandler.Sharable
final class WebGate extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger("io.jkms.refusal");

    private final ConnectionTable<Channel> table;
    private final WebCounters counters;
    private final LogLimiter log = new LogLimiter(10_000_000_000L);

    WebGate(WebLimits limits, WebCounters counters) {
        this.table = new ConnectionTable<>(limits.maxConnections(), limits.maxConnectionsPerAddress(),
                ConnectionClock::busy);
        this.counters = counters;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Channel child = (Channel) msg;
        InetAddress address = ((InetSocketAddress) child.remoteAddress()).getAddress();
        ConnectionTable.Decision<Channel> decision = table.admit(address, child);
        if (decision instanceof ConnectionTable.Refuse<Channel> refuse) {
            closed(refuse.reason(), address);
            child.unsafe().closeForcibly();
            return;
        }
        ((ConnectionTable.Admit<Channel>) decision).evict().ifPresent(victim -> {
            closed(WebClose.EVICTED, ((InetSocketAddress) victim.remoteAddress()).getAddress());
            victim.close();
        });
        child.closeFuture().addListener(f -> table.release(address, child));
        ctx.fireChannelRead(msg);
    }

    int openConnections() {
        return table.open();
    }

    private void closed(WebClose reason, InetAddress peer) {
        counters.count(reason);
        OptionalLong permit = log.permit(reason, System.nanoTime());
        if (permit.isPresent()) {
            LOG.warn("dashboard: {} from {}{}", reason.label(), peer.getHostAddress(),
                    LogLimiter.suppressed(permit.getAsLong()));
        }
    }
}
