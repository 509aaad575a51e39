package io.jkms.config;

import io.jkms.activation.AccessPolicy;
import io.jkms.activation.Cidr;
import io.jkms.host.ConnectionBounds;
import io.jkms.host.IoTransport;
import io.jkms.host.ListenerSettings;
import io.jkms.rpc.RpcSettings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** Where the host listens, who may connect, what one connection may do, and the network I/O. */
final class ListenerOptions {
    @Option(names = "--listen", paramLabel = "ADDR:PORT", converter = Converters.ListenAddress.class, split = ",")
    List<InetSocketAddress> listen;

    @Option(names = "--allow", paramLabel = "CIDR", converter = Converters.Network.class, split = ",")
    List<Cidr> allow;

    @Option(names = "--deny", paramLabel = "CIDR", converter = Converters.Network.class, split = ",")
    List<Cidr> deny;

    @Option(names = "--private-only", paramLabel = "BOOL", defaultValue = "false", arity = "1",
            converter = Converters.Bool.class)
    boolean privateOnly;

    @Within(min = "1s", max = "600s")
    @Option(names = "--idle-timeout", paramLabel = "TIME", defaultValue = "30",
            converter = DurationConverter.Seconds.class)
    Duration idleTimeout;

    @Within(min = "1s", max = "600s")
    @Option(names = "--read-timeout", paramLabel = "TIME", defaultValue = "10",
            converter = DurationConverter.Seconds.class)
    Duration readTimeout;

    @Within(min = "1s", max = "600s")
    @Option(names = "--first-byte-timeout", paramLabel = "TIME", defaultValue = "5",
            converter = DurationConverter.Seconds.class)
    Duration firstByteTimeout;

    @Within(min = "1s", max = "600s")
    @Option(names = "--write-timeout", paramLabel = "TIME", defaultValue = "10",
            converter = DurationConverter.Seconds.class)
    Duration writeTimeout;

    @Within(min = "1s", max = "86400s")
    @Option(names = "--max-connection-time", paramLabel = "TIME", defaultValue = "300",
            converter = DurationConverter.Seconds.class)
    Duration maxConnectionTime;

    @Range(min = 1, max = 1_000_000)
    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "10000",
            converter = Converters.WholeNumber.class)
    long maxConnections;

    @Range(min = 0, max = 1_000_000)
    @Option(names = "--max-connections-per-address", paramLabel = "N", defaultValue = "500",
            converter = Converters.WholeNumber.class)
    long maxConnectionsPerAddress;

    @Range(min = 0, max = 1_000_000)
    @Option(names = "--connection-rate", paramLabel = "N", defaultValue = "1000",
            converter = Converters.WholeNumber.class)
    long connectionRate;

    @Range(min = 1, max = 1_000_000)
    @Option(names = "--connection-burst", paramLabel = "N", defaultValue = "2000",
            converter = Converters.WholeNumber.class)
    long connectionBurst;

    @Range(min = 1, max = 100_000_000)
    @Option(names = "--max-pdus-per-connection", paramLabel = "N", defaultValue = "10000",
            converter = Converters.WholeNumber.class)
    long maxPdusPerConnection;

    @Range(min = ConnectionBounds.MIN_QUEUED_BYTES, max = 16 * 1024 * 1024)
    @Option(names = "--max-queued-bytes", paramLabel = "BYTES", defaultValue = "8192",
            converter = Converters.WholeNumber.class)
    long maxQueuedBytes;

    @Range(min = RpcSettings.MIN_FRAG_LENGTH, max = 65535)
    @Option(names = "--max-pdu-size", paramLabel = "BYTES", defaultValue = "5840",
            converter = Converters.WholeNumber.class)
    long maxPduSize;

    @Range(min = 1, max = 255)
    @Option(names = "--max-contexts-per-bind", paramLabel = "N", defaultValue = "8",
            converter = Converters.WholeNumber.class)
    long maxContextsPerBind;

    @Range(min = 1, max = 64)
    @Option(names = "--max-fragments-per-request", paramLabel = "N", defaultValue = "4",
            converter = Converters.WholeNumber.class)
    long maxFragmentsPerRequest;

    @Range(min = 0, max = 256)
    @Option(names = "--threads", paramLabel = "N", defaultValue = "0", converter = Converters.WholeNumber.class)
    long threads;

    @Option(names = "--io", paramLabel = "auto|io_uring|epoll|nio", defaultValue = "auto")
    String io;

    ListenerSettings settings() {
        ListenerSettings defaults = ListenerSettings.defaults();
        RpcSettings rpc = new RpcSettings(defaults.rpc().ndr64(), defaults.rpc().btfn(), (int) maxPduSize,
                (int) maxContextsPerBind, (int) maxFragmentsPerRequest, defaults.rpc().maxRequestStubBytes());
        ConnectionBounds bounds = new ConnectionBounds(firstByteTimeout, writeTimeout, maxConnectionTime,
                (int) maxQueuedBytes);
        return new ListenerSettings(listOf(listen), idleTimeout, readTimeout, (int) maxConnections,
                (int) maxConnectionsPerAddress, connectionRate, (int) connectionBurst, (int) maxPdusPerConnection,
                new AccessPolicy(listOf(allow), listOf(deny), privateOnly), defaults.drainTimeout(), rpc, bounds);
    }

    private static <T> List<T> listOf(List<T> values) {
        return values == null ? List.of() : values;
    }

    /** The transport named, or for {@code auto} the preferred one that runs here. */
    IoTransport io(ConfigValue value, Function<IoTransport, Optional<Throwable>> unavailable) {
        if (io.trim().equalsIgnoreCase("auto")) {
            return IoTransport.preferred(unavailable);
        }
        IoTransport transport = IoTransport.byName(io)
                .orElseThrow(() -> ConfigException.invalid(value, "auto, io_uring, epoll or nio"));
        Optional<Throwable> cause = unavailable.apply(transport);
        if (cause.isPresent()) {
            throw ConfigException.invalid(value, "a transport that runs here (auto picks one): "
                    + transport.configName() + " is unavailable: " + IoTransport.describe(cause.get()));
        }
        return transport;
    }
}
