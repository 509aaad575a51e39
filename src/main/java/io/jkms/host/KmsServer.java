package io.jkms.host;

import io.jkms.activation.ActivationHandler;
import io.jkms.activation.HostCounters;
import io.jkms.activation.RpcProblemListener;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The KMS listener: binds every configured address, frames and answers RPC on each connection, and on
 * {@link #close()} stops accepting, lets connections in flight finish, then stops its threads.
 */
public final class KmsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KmsServer.class);
    /**
     * The kernel's send buffer per connection, fixed (Linux doubles it) rather than autotuned up to megabytes:
     * ample for answers of a few hundred bytes, and it keeps a reader that never reads from parking megabytes
     * in the kernel, and lets the host see soon that it does not read.
     */
    private static final int SEND_BUFFER = 16 * 1024;

    private volatile ListenerSettings settings;
    /** What each new connection's pipeline is built with, derived from {@link #settings} once per change. */
    private volatile ConnectionPipeline pipeline;
    private final ActivationHandler handler;
    private final RpcProblemListener problems;
    private final IoTransport transport;
    private final EventLoopGroup group;
    private final ChannelGroup serverChannels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final AtomicLong assocGroups;
    private final List<InetSocketAddress> bound = new ArrayList<>();
    private final AcceptGate acceptGate;
    private final ProbeAdmission probes = new ProbeAdmission();
    private final PooledByteBufAllocator allocator;
    private final HostCounters counters = new HostCounters();
    private final RefusalLog refusalLog = new RefusalLog();
    private final ConnectionCloser closer = new ConnectionCloser(counters, refusalLog);

    private KmsServer(ListenerSettings settings, ActivationHandler handler, RpcProblemListener problems,
                      RandomGenerator random, IoTransport transport, int threads) {
        this.settings = settings;
        this.pipeline = ConnectionPipeline.of(settings, handler::activate, closer, problems);
        this.handler = handler;
        this.acceptGate = new AcceptGate(settings.gateRules(), counters, refusalLog, probes);
        this.problems = problems;
        this.transport = transport;
        this.group = transport.newGroup(threads, "jkms-io");
        this.allocator = allocator(threads);
        // Association groups: random start, one per connection, never 0 (as vlmcsd).
        this.assocGroups = new AtomicLong(random.nextInt() & 0x7FFF_FFFFL);
    }

    /**
     * Binds every address of the settings, telling {@code problems} of RPC-level trouble; fails (and releases
     * what it bound) if any address cannot be bound. {@code transport} must be available here.
     */
    public static KmsServer start(ListenerSettings settings, ActivationHandler handler, RpcProblemListener problems,
                                  RandomGenerator random, IoTransport transport, int threads) throws IOException {
        KmsServer server = new KmsServer(settings, handler, problems, random, transport, threads);
        try {
            server.bindAll();
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void bindAll() throws IOException {
        ServerBootstrap bootstrap = new ServerBootstrap().group(group)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 4096)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.ALLOCATOR, allocator)
                .childOption(ChannelOption.ALLOCATOR, allocator)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_SNDBUF, SEND_BUFFER)
                .handler(acceptGate)
                .childHandler(new Initializer());
        if (settings.listen().isEmpty()) {
            bindDefault(bootstrap);
        } else {
            for (InetSocketAddress address : settings.listen()) {
                bind(bootstrap, address);
            }
        }
    }

    /**
     * Buffers for reads and replies: one direct arena per I/O thread and 1 MiB chunks. KMS PDUs are well
     * under 8 KiB, and Netty's default (an arena per two cores, 4 MiB chunks, heap arenas too) would hold
     * resident memory that this host never fills.
     */
    private static PooledByteBufAllocator allocator(int threads) {
        return new PooledByteBufAllocator(true, 0, Math.max(1, threads), 8192, 7, 256, 64, false);
    }

    /** Dual-stack {@code [::]:1688}; IPv4 only where the machine has no IPv6. */
    private void bindDefault(ServerBootstrap bootstrap) throws IOException {
        try {
            bind(bootstrap, new InetSocketAddress(InetAddress.getByName("::"), ListenerSettings.DEFAULT_PORT));
        } catch (IOException e) {
            LOG.info("IPv6 unavailable ({}), listening on IPv4 only", e.getMessage());
            bind(bootstrap, new InetSocketAddress(InetAddress.getByName("0.0.0.0"), ListenerSettings.DEFAULT_PORT));
        }
    }

    private void bind(ServerBootstrap bootstrap, InetSocketAddress address) throws IOException {
        io.netty.channel.ChannelFuture future = bootstrap.bind(address).awaitUninterruptibly();
        if (!future.isSuccess()) {
            throw new IOException("cannot listen on " + address + ": " + future.cause().getMessage(), future.cause());
        }
        serverChannels.add(future.channel());
        bound.add((InetSocketAddress) future.channel().localAddress());
    }

    /** The addresses actually bound (with the real port when 0 was asked for). */
    public List<InetSocketAddress> boundAddresses() {
        return List.copyOf(bound);
    }

    /** Where the host's own readiness probe announces itself, to pass the access policy (see {@link ProbeAdmission}). */
    public ProbeAdmission probeAdmission() {
        return probes;
    }

    /** The I/O transport the listener runs on. */
    public IoTransport transport() {
        return transport;
    }

    public int openConnections() {
        return acceptGate.openConnections();
    }

    /** Open connections that have sent nothing or are between requests: those the host may evict at capacity. */
    public int idleConnections() {
        return acceptGate.idleConnections();
    }

    /**
     * Bytes of answers written but not yet taken by the kernel, summed over every open connection: what slow
     * readers make the host hold. Walks the connections; for tests and occasional sampling, not per request.
     */
    public long queuedBytes() {
        long total = 0;
        for (io.netty.channel.Channel channel : connections) {
            io.netty.channel.ChannelOutboundBuffer out = channel.unsafe().outboundBuffer();
            total += out == null ? 0 : out.totalPendingWriteBytes();
        }
        return total;
    }

    /**
     * Applies new settings to connections accepted from now on (limits, timeouts, access lists, RPC
     * options); connections already open keep theirs. Listen addresses cannot change without a restart.
     */
    public void update(ListenerSettings next) {
        if (!next.listen().equals(settings.listen())) {
            LOG.warn("listen addresses changed: restart to apply (still listening on {})", bound);
        }
        ListenerSettings applied = next.withListen(settings.listen());
        acceptGate.update(applied.gateRules());
        settings = applied;
        pipeline = ConnectionPipeline.of(applied, handler::activate, closer, problems);
    }

    /** Refused and closed connections by reason. */
    public HostCounters counters() {
        return counters;
    }

    private long nextAssocGroup() {
        long value = assocGroups.incrementAndGet() & 0xFFFF_FFFFL;
        return value == 0 ? 1 : value;
    }

    /** Stops accepting, waits up to the drain timeout for open connections, then stops the threads. */
    @Override
    public void close() {
        serverChannels.close().awaitUninterruptibly();
        long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
        while (!connections.isEmpty() && System.nanoTime() < deadline) {
            connections.newCloseFuture().awaitUninterruptibly(50, TimeUnit.MILLISECONDS);
        }
        connections.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    private final class Initializer extends ChannelInitializer<SocketChannel> {
        @Override
        protected void initChannel(SocketChannel channel) {
            connections.add(channel);
            pipeline.install(channel, nextAssocGroup());
        }
    }

}
