package io.jkms.host;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sits on the listening socket and sees each accepted connection in accept order, before it is registered
 * or a byte of it is read: the access policy, the total and per-address connection limits and the
 * per-address connection rate are all decided here, so a refused peer costs no more than an accept and a
 * close. Counting here (not in the connection's own pipeline) keeps the limits exact even when
 * connections land on different threads.
 */
@ChannelHandler.Sharable
final class AcceptGate extends ChannelInboundHandlerAdapter {
    private final AtomicInteger open = new AtomicInteger();
    private final HostCounters counters;
    private final RefusalLog log;
    private volatile Rules rules;

    /** What the gate enforces; replaced as a whole on reload. */
    record Rules(AccessPolicy access, int maxConnections, AddressLimits perAddress) {
    }

    AcceptGate(Rules rules, HostCounters counters, RefusalLog log) {
        this.rules = rules;
        this.counters = counters;
        this.log = log;
    }

    void update(Rules next) {
        rules = next;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Channel child = (Channel) msg;
        Rules current = rules;
        InetAddress address = ((InetSocketAddress) child.remoteAddress()).getAddress();
        Optional<String> denied = current.access().refusal(address);
        if (denied.isPresent()) {
            refuse(child, switch (denied.get()) {
                case "denied" -> Refusal.DENIED;
                case "not-allowed" -> Refusal.NOT_ALLOWED;
                default -> Refusal.PUBLIC_ADDRESS;
            }, "access policy");
            return;
        }
        if (open.incrementAndGet() > current.maxConnections()) {
            open.decrementAndGet();
            refuse(child, Refusal.MAX_CONNECTIONS, current.maxConnections() + " open");
            return;
        }
        AddressLimits perAddress = current.perAddress();
        if (perAddress.enabled()) {
            Optional<Refusal> limited = perAddress.admit(address, System.nanoTime());
            if (limited.isPresent()) {
                open.decrementAndGet();
                refuse(child, limited.get(), "per-address limit");
                return;
            }
            child.closeFuture().addListener(f -> {
                perAddress.release(address);
                open.decrementAndGet();
            });
        } else {
            child.closeFuture().addListener(f -> open.decrementAndGet());
        }
        ctx.fireChannelRead(msg);
    }

    private void refuse(Channel child, Refusal refusal, String detail) {
        counters.count(refusal);
        log.refused(refusal, child.remoteAddress(), detail);
        child.unsafe().closeForcibly();
    }

    int openConnections() {
        return open.get();
    }
}
