package io.jkms.host;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Netty I/O transport a server runs on: its event loops and its server channel class, chosen once at start.
 * The native ones are tried in order of preference by {@link #preferred()}; each method touches only its own
 * transport's classes, so that asking about one never loads (or fails to load) another's native library.
 */
public enum IoTransport {
    /** Linux epoll. */
    EPOLL("epoll", true) {
        @Override
        public Optional<Throwable> unavailabilityCause() {
            return Optional.ofNullable(Epoll.unavailabilityCause());
        }

        @Override
        IoHandlerFactory handlerFactory() {
            return EpollIoHandler.newFactory();
        }

        @Override
        public Class<? extends ServerSocketChannel> serverChannel() {
            return EpollServerSocketChannel.class;
        }
    },
    /** Linux io_uring (5.9+ kernels; often switched off by seccomp in containers). */
    IO_URING("io_uring", true) {
        @Override
        public Optional<Throwable> unavailabilityCause() {
            return Optional.ofNullable(IoUring.unavailabilityCause());
        }

        @Override
        IoHandlerFactory handlerFactory() {
            return IoUringIoHandler.newFactory();
        }

        @Override
        public Class<? extends ServerSocketChannel> serverChannel() {
            return IoUringServerSocketChannel.class;
        }
    },
    /** The JDK's selectors: everywhere. */
    NIO("nio", false) {
        @Override
        public Optional<Throwable> unavailabilityCause() {
            return Optional.empty();
        }

        @Override
        IoHandlerFactory handlerFactory() {
            return NioIoHandler.newFactory();
        }

        @Override
        public Class<? extends ServerSocketChannel> serverChannel() {
            return NioServerSocketChannel.class;
        }
    };

    private final String configName;
    private final boolean unixSockets;

    IoTransport(String configName, boolean unixSockets) {
        this.configName = configName;
        this.unixSockets = unixSockets;
    }

    /** The name in configuration and logs: {@code io_uring}, {@code epoll}, {@code nio}. */
    public String configName() {
        return configName;
    }

    /** Why this transport cannot run here (no native library, kernel too old, system call refused), if it cannot. */
    public abstract Optional<Throwable> unavailabilityCause();

    public boolean isAvailable() {
        return unavailabilityCause().isEmpty();
    }

    abstract IoHandlerFactory handlerFactory();

    /**
     * Whether its channels take Linux socket options by number ({@code IntegerUnixChannelOption}) and
     * {@code SO_REUSEPORT}, so that a listener can be one socket per event loop and an option set once on the
     * listening socket (accepted sockets inherit it) instead of on every accepted one.
     */
    boolean unixSockets() {
        return unixSockets;
    }

    /** The server channel class for a {@code ServerBootstrap} on a group of {@link #newGroup}. */
    public abstract Class<? extends ServerSocketChannel> serverChannel();

    /** Event loops of this transport, {@code threads} of them, named {@code prefix-N-M}. */
    public EventLoopGroup newGroup(int threads, String prefix) {
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(prefix), handlerFactory());
    }

    /**
     * epoll where it loads, else io_uring where the kernel allows it, else NIO. epoll first: it cost less CPU per
     * short connection than io_uring here (BENCHMARKS.md, "I/O transports"), and that is what real clients make.
     */
    public static IoTransport preferred() {
        return preferred(IoTransport::unavailabilityCause);
    }

    /** The first transport, in order of preference, that {@code cause} says is available. */
    public static IoTransport preferred(Function<IoTransport, Optional<Throwable>> cause) {
        return Arrays.stream(values()).filter(t -> cause.apply(t).isEmpty()).findFirst().orElse(NIO);
    }

    /** The transport of a configuration name, any case. */
    public static Optional<IoTransport> byName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.configName.equals(wanted)).findFirst();
    }

    /** The transports that run here, in order of preference (for tests that run over each). */
    public static List<IoTransport> available() {
        return Arrays.stream(values()).filter(IoTransport::isAvailable).toList();
    }

    /** A cause in a few words, for a log line or an error message. */
    public static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == cause ? message : cause.getMessage() + " (" + message + ")";
    }
}
