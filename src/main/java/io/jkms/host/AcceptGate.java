package io.jkms.host;

import io.jkms.activation.AccessPolicy;
import io.jkms.activation.HostCounters;
import io.jkms.activation.Refusal;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sits on the listening socket and sees each accepted connection in accept order, before it is registered
 * or a byte of it is read: the access policy, the total and per-address connection limits and the
 * per-address connection rate are all decided here, so a refused peer costs no more than an accept and a
 * close. Counting here (not in the connection's own pipeline) keeps the limits exact even when
 * connections land on different threads.
 *
 * <p>At the total limit a newcomer is not refused while an admitted connection is idle (it has sent nothing,
 * or is between requests): the oldest idle one is closed and the newcomer takes its slot. Connections that
 * hold a slot without a request in progress cannot lock clients out that way.
 */
@ChannelHandler.Sharable
final class AcceptGate extends ChannelInboundHandlerAdapter {
    private final AtomicInteger open = new AtomicInteger();
    private final OpenConnections admitted = new OpenConnections();
    private final HostCounters counters;
    private final RefusalLog log;
    private final ProbeAdmission probes;
    private volatile Rules rules;

    /** What the gate enforces; replaced as a whole on reload. */
    record Rules(AccessPolicy access, int maxConnections, AddressLimits perAddress) {
    }

    AcceptGate(Rules rules, HostCounters counters, RefusalLog log, ProbeAdmission probes) {
        this.rules = rules;
        this.counters = counters;
        this.log = log;
        this.probes = probes;
    }

    void update(Rules next) {
        rules = next;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Channel child = (Channel) msg;
        Rules current = rules;
        InetAddress address = ((InetSocketAddress) child.remoteAddress()).getAddress();
        Optional<Refusal> denied = current.access().refusal(address);
        if (denied.isPresent() && !probes.admits((InetSocketAddress) child.remoteAddress(),
                (InetSocketAddress) child.localAddress())) {
            refuse(child, denied.get(), "access policy");
            return;
        }
        AddressLimits perAddress = current.perAddress();
        if (perAddress.enabled()) {
            Optional<Refusal> limited = perAddress.admit(address, System.nanoTime());
            if (limited.isPresent()) {
                refuse(child, limited.get(), "per-address limit");
                return;
            }
        }
        Runnable releasePerAddress = perAddress.enabled() ? () -> perAddress.release(address) : () -> { };
        if (open.incrementAndGet() > current.maxConnections() && !evictIdle()) {
            open.decrementAndGet();
            releasePerAddress.run();
            refuse(child, Refusal.MAX_CONNECTIONS, current.maxConnections() + " open, none idle");
            return;
        }
        track(child, releasePerAddress);
        ctx.fireChannelRead(msg);
    }

    /** Admitted: counted until it closes, and a candidate for eviction meanwhile. */
    private void track(Channel child, Runnable releasePerAddress) {
        OpenConnection connection = new OpenConnection(child, () -> {
            releasePerAddress.run();
            open.decrementAndGet();
        });
        child.attr(OpenConnection.KEY).set(connection);
        admitted.add(connection);
        child.closeFuture().addListener(f -> {
            admitted.remove(connection);
            connection.release();
        });
    }

    /** Closes the oldest idle connection, whose slot the caller then takes; false if none is idle. */
    private boolean evictIdle() {
        Optional<OpenConnection> victim = admitted.takeOldestIdle();
        victim.ifPresent(v -> {
            v.evict();
            counters.count(Refusal.EVICTED_IDLE);
            log.closed(Refusal.EVICTED_IDLE, v.channel().remoteAddress(), "idle at capacity, for a newcomer");
        });
        // The victim's release took its count off at once, so the newcomer's increment leaves the total at the limit.
        return victim.isPresent();
    }

    private void refuse(Channel child, Refusal refusal, String detail) {
        counters.count(refusal);
        log.refused(refusal, child.remoteAddress(), detail);
        child.unsafe().closeForcibly();
    }

    int openConnections() {
        return open.get();
    }

    int idleConnections() {
        return admitted.idle();
    }

    /** The admitted connections that are still open, oldest first (see {@link OpenConnections#channels()}). */
    List<Channel> channels() {
        return admitted.channels();
    }
}
