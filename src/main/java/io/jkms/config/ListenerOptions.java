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
    @Option(names = "--listen", paramLabel = "ADDR:PORT", converter = Converters.ListenAddress.class, split = ",",
            description = {"Address to listen on, repeatable: 0.0.0.0:1688, [::1]:1688, [::]:1688. Default: [::]:1688 (dual "
                + "stack), or 0.0.0.0:1688 where IPv6 is off.",
                "Env: JKMS_LISTEN (a comma-separated list)."})
    List<InetSocketAddress> listen;

    @Option(names = "--allow", paramLabel = "CIDR", converter = Converters.Network.class, split = ",",
            description = {"Only these networks may connect (repeatable, IPv4 or IPv6, e.g. 10.0.0.0/8, fd00::/8). Default: "
                + "all.",
                "Env: JKMS_ALLOW (a comma-separated list)."})
    List<Cidr> allow;

    @Option(names = "--deny", paramLabel = "CIDR", converter = Converters.Network.class, split = ",",
            description = {"These networks may not connect (repeatable); wins over --allow.",
                "Env: JKMS_DENY (a comma-separated list)."})
    List<Cidr> deny;

    @Option(names = "--private-only", paramLabel = "BOOL", defaultValue = "false", arity = "1",
            converter = Converters.Bool.class,
            description = {"Refuse clients with public addresses (allow loopback, RFC 1918, 100.64/10, link-local, "
                + "fc00::/7).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_PRIVATE_ONLY."})
    boolean privateOnly;

    @Within(min = "1s", max = "600s")
    @Option(names = "--idle-timeout", paramLabel = "TIME", defaultValue = "30",
            converter = DurationConverter.Seconds.class,
            description = {"Close connections idle this long (1 to 600 seconds, or a number with a suffix ms, s, m, h, d or "
                + "w).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_IDLE_TIMEOUT."})
    Duration idleTimeout;

    @Within(min = "1s", max = "600s")
    @Option(names = "--read-timeout", paramLabel = "TIME", defaultValue = "10",
            converter = DurationConverter.Seconds.class,
            description = {"Close a connection whose PDU is not complete this long after its first byte (1 to 600 seconds, "
                + "or a number with a suffix ms, s, m, h, d or w).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_READ_TIMEOUT."})
    Duration readTimeout;

    @Within(min = "1s", max = "600s")
    @Option(names = "--first-byte-timeout", paramLabel = "TIME", defaultValue = "5",
            converter = DurationConverter.Seconds.class,
            description = {"Close a connection that has sent nothing this long after it was accepted (1 to 600 seconds, or "
                + "a number with a suffix ms, s, m, h, d or w).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_FIRST_BYTE_TIMEOUT."})
    Duration firstByteTimeout;

    @Within(min = "1s", max = "600s")
    @Option(names = "--write-timeout", paramLabel = "TIME", defaultValue = "10",
            converter = DurationConverter.Seconds.class,
            description = {"Close a connection that leaves its answers unread this long; the host stops reading from it "
                + "meanwhile (1 to 600 seconds, or a number with a suffix ms, s, m, h, d or w).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_WRITE_TIMEOUT."})
    Duration writeTimeout;

    @Within(min = "1s", max = "86400s")
    @Option(names = "--max-connection-time", paramLabel = "TIME", defaultValue = "300",
            converter = DurationConverter.Seconds.class,
            description = {"Close every connection this long after it was accepted, whatever it does (1 to 86400 seconds, "
                + "or a number with a suffix ms, s, m, h, d or w).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_MAX_CONNECTION_TIME."})
    Duration maxConnectionTime;

    @Range(min = 1, max = 1_000_000)
    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "10000",
            converter = Converters.WholeNumber.class,
            description = {"Most connections open at once (1 to 1000000).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_MAX_CONNECTIONS."})
    long maxConnections;

    @Range(min = 0, max = 1_000_000)
    @Option(names = "--max-connections-per-address", paramLabel = "N", defaultValue = "500",
            converter = Converters.WholeNumber.class,
            description = {"Most connections open at once from one address (IPv6: one /64); 0 for no limit (0 to 1000000).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_MAX_CONNECTIONS_PER_ADDRESS."})
    long maxConnectionsPerAddress;

    @Range(min = 0, max = 1_000_000)
    @Option(names = "--connection-rate", paramLabel = "N", defaultValue = "1000",
            converter = Converters.WholeNumber.class,
            description = {"New connections per second from one address (IPv6: one /64); 0 for no limit (0 to 1000000).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_CONNECTION_RATE."})
    long connectionRate;

    @Range(min = 1, max = 1_000_000)
    @Option(names = "--connection-burst", paramLabel = "N", defaultValue = "2000",
            converter = Converters.WholeNumber.class,
            description = {"New connections one address may open at once before --connection-rate applies (1 to 1000000).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_CONNECTION_BURST."})
    long connectionBurst;

    @Range(min = 1, max = 100_000_000)
    @Option(names = "--max-pdus-per-connection", paramLabel = "N", defaultValue = "10000",
            converter = Converters.WholeNumber.class,
            description = {"PDUs one connection may send before it is closed (1 to 100000000).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_MAX_PDUS_PER_CONNECTION."})
    long maxPdusPerConnection;

    @Range(min = ConnectionBounds.MIN_QUEUED_BYTES, max = 16 * 1024 * 1024)
    @Option(names = "--max-queued-bytes", paramLabel = "BYTES", defaultValue = "8192",
            converter = Converters.WholeNumber.class,
            description = {"Unsent answer bytes one connection may have before it is closed; reading from it stops at half "
                + "of this (1024 to 16777216).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_MAX_QUEUED_BYTES."})
    long maxQueuedBytes;

    @Range(min = RpcSettings.MIN_FRAG_LENGTH, max = 65535)
    @Option(names = "--max-pdu-size", paramLabel = "BYTES", defaultValue = "5840",
            converter = Converters.WholeNumber.class,
            description = {"Largest RPC fragment accepted, and offered as max_recv_frag (1432 to 65535).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_MAX_PDU_SIZE."})
    long maxPduSize;

    @Range(min = 1, max = 255)
    @Option(names = "--max-contexts-per-bind", paramLabel = "N", defaultValue = "8",
            converter = Converters.WholeNumber.class,
            description = {"Most presentation contexts in one BIND (1 to 255).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_MAX_CONTEXTS_PER_BIND."})
    long maxContextsPerBind;

    @Range(min = 1, max = 64)
    @Option(names = "--max-fragments-per-request", paramLabel = "N", defaultValue = "4",
            converter = Converters.WholeNumber.class,
            description = {"Most fragments one REQUEST may be split into (1 to 64).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_MAX_FRAGMENTS_PER_REQUEST."})
    long maxFragmentsPerRequest;

    @Range(min = 0, max = 256)
    @Option(names = "--threads", paramLabel = "N", defaultValue = "0", converter = Converters.WholeNumber.class,
            description = {"I/O threads; 0 means one per CPU core (0 to 256).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_THREADS."})
    long threads;

    @Option(names = "--io", paramLabel = "auto|io_uring|epoll|nio", defaultValue = "auto",
            description = {"Network I/O transport: 'auto' takes epoll where it loads, else io_uring where the kernel allows "
                + "it, else nio (the JDK's, everywhere); a named one that cannot run here stops start-up.",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_IO."})
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
