package io.jkms.host;

import io.jkms.activation.ActivationHandler;
import io.jkms.activation.HostCounters;
import io.jkms.activation.RpcProblemListener;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.unix.IntegerUnixChannelOption;
import io.netty.channel.unix.UnixChannelOption;
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
    /** {@code SO_SNDBUF} by number (Linux: {@code SOL_SOCKET} 1, {@code SO_SNDBUF} 7), for a listening socket. */
    private static final ChannelOption<Integer> LISTENER_SEND_BUFFER = new IntegerUnixChannelOption("SO_SNDBUF", 1, 7);

    private volatile ListenerSettings settings;
    /** What each new connection's pipeline is built with, derived from {@link #settings} once per change. */
    private volatile ConnectionPipeline pipeline;
    private final ActivationHandler handler;
    private final RpcProblemListener problems;
    private final IoTransport transport;
    private final EventLoopGroup group;
    private final ChannelGroup serverChannels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
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
        if (settings.listen().isEmpty()) {
            bindDefault();
        } else {
            for (InetSocketAddress address : settings.listen()) {
                bind(address);
            }
        }
    }

    /**
     * The listener of one address on {@code acceptor}, its connections on {@code children}. The send buffer
     * is set on the listening socket where the transport allows (accepted sockets inherit it, so no system
     * call per connection); Netty sets {@code TCP_NODELAY} on every accepted socket by default.
     */
    private ServerBootstrap bootstrap(EventLoopGroup acceptor, EventLoopGroup children) {
        ServerBootstrap bootstrap = new ServerBootstrap().group(acceptor, children)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 4096)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.ALLOCATOR, allocator)
                .childOption(ChannelOption.ALLOCATOR, allocator)
                .handler(acceptGate)
                .childHandler(new Initializer());
        if (transport.unixSockets()) {
            bootstrap.option(LISTENER_SEND_BUFFER, SEND_BUFFER);
        } else {
            bootstrap.childOption(ChannelOption.SO_SNDBUF, SEND_BUFFER);
        }
        return bootstrap;
    }

    /**
     * Binds one address. On the native transports with several event loops, every loop gets a listening
     * socket of its own on the address ({@code SO_REUSEPORT}) and keeps the connections it accepts: the
     * kernel spreads new connections over the loops, and a connection is accepted, read, answered and closed
     * on one thread, with no hand-over to another loop (a task and a wake-up per connection, most of what a
     * one-shot connection costs beyond the kernel's work). Elsewhere one socket accepts for all the loops.
     */
    private void bind(InetSocketAddress address) throws IOException {
        List<EventLoop> loops = new ArrayList<>();
        group.forEach(executor -> loops.add((EventLoop) executor));
        if (!transport.unixSockets() || loops.size() == 1) {
            bound.add(bindOne(bootstrap(group, group), address));
            return;
        }
        refuseIfTaken(address);
        InetSocketAddress actual = address;
        for (EventLoop loop : loops) {
            ServerBootstrap bootstrap = bootstrap(loop, loop).option(UnixChannelOption.SO_REUSEPORT, true);
            InetSocketAddress listening = bindOne(bootstrap, actual);
            if (actual.getPort() == 0) {
                actual = listening; // port 0: the other loops join the port the kernel chose for the first
            }
        }
        bound.add(actual);
    }

    /**
     * Sockets that share a port through {@code SO_REUSEPORT} also share it with any other process of the same
     * user that does so, which would split the clients between two hosts without a word: a plain bind first
     * fails as a second host on the address should, with "address in use".
     */
    private static void refuseIfTaken(InetSocketAddress address) throws IOException {
        if (address.getPort() == 0) {
            return;
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(address, 1);
        } catch (IOException e) {
            throw cannotListen(address, e);
        }
    }

    /** Binds the bootstrap's listener to the address; returns the address bound (with the real port). */
    private InetSocketAddress bindOne(ServerBootstrap bootstrap, InetSocketAddress address) throws IOException {
        ChannelFuture future = bootstrap.bind(address).awaitUninterruptibly();
        if (!future.isSuccess()) {
            throw cannotListen(address, future.cause());
        }
        serverChannels.add(future.channel());
        return (InetSocketAddress) future.channel().localAddress();
    }

    private static IOException cannotListen(InetSocketAddress address, Throwable cause) {
        return new IOException("cannot listen on " + address + ": " + cause.getMessage(), cause);
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
    private void bindDefault() throws IOException {
        try {
            bind(new InetSocketAddress(InetAddress.getByName("::"), ListenerSettings.DEFAULT_PORT));
        } catch (IOException e) {
            LOG.info("IPv6 unavailable ({}), listening on IPv4 only", e.getMessage());
            serverChannels.close().awaitUninterruptibly(); // the loops that did bind [::] before one failed
            bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), ListenerSettings.DEFAULT_PORT));
        }
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
        for (Channel channel : acceptGate.channels()) {
            io.netty.channel.ChannelOutboundBuffer out = channel.unsafe().outboundBuffer();
            total += out == null ? 0 : out.totalPendingWriteBytes();
        }
        return total;
    }

    /** The admitted connections still open, oldest first; for tests. */
    List<Channel> openChannels() {
        return acceptGate.channels();
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
        for (Channel channel : acceptGate.channels()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            channel.closeFuture().awaitUninterruptibly(TimeUnit.NANOSECONDS.toMillis(left) + 1);
        }
        for (Channel channel : acceptGate.channels()) {
            channel.close().awaitUninterruptibly();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    private final class Initializer extends ChannelInitializer<SocketChannel> {
        @Override
        protected void initChannel(SocketChannel channel) {
            pipeline.install(channel, nextAssocGroup());
        }
    }

}
