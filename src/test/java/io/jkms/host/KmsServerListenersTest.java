package io.jkms.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jkms.activation.ActivationHandler;
import io.jkms.activation.ActivationPolicy;
import io.jkms.activation.ClientCountPolicy;
import io.jkms.activation.HostIdentity;
import io.jkms.activation.IdentitySettings;
import io.jkms.activation.PolicySettings;
import io.jkms.activation.RpcProblemListener;
import io.jkms.catalog.Catalog;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How the listener sits on its sockets, per transport: on the native ones a listening socket per event loop
 * ({@code SO_REUSEPORT}) whose loop keeps what it accepts, yet a second host on the same port still fails to
 * start; the accepted sockets' options whichever socket set them.
 */
class KmsServerListenersTest {
    private static final int THREADS = 2;

    @ParameterizedTest
    @EnumSource(IoTransport.class)
    void nativeTransportsListenOncePerEventLoopAndKeepEachConnectionOnItsAcceptingLoop(IoTransport transport)
            throws Exception {
        assumeAvailable(transport);
        try (KmsServer server = start(transport, 0)) {
            int port = server.boundAddresses().get(0).getPort();
            assertThat(server.boundAddresses()).hasSize(1);
            assertThat(listeningSockets(port)).isEqualTo(transport == IoTransport.NIO ? 1 : THREADS);
            List<Socket> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 16; i++) {
                    clients.add(new Socket("127.0.0.1", port));
                }
                List<Channel> accepted = awaitAccepted(server, clients.size());
                for (Channel channel : accepted) {
                    if (transport != IoTransport.NIO) {
                        assertThat(channel.eventLoop()).isSameAs(channel.parent().eventLoop());
                    }
                    // Linux doubles what is set and the native transports show the kernel's figure; the JDK halves
                    // it back (a socket left alone shows 8 KiB there, 16 KiB natively). TCP_NODELAY is Netty's
                    // default on every accepted socket.
                    int shown = transport == IoTransport.NIO ? 16 * 1024 : 2 * 16 * 1024;
                    assertThat(channel.config().getOption(ChannelOption.SO_SNDBUF)).isEqualTo(shown);
                    assertThat(channel.config().getOption(ChannelOption.TCP_NODELAY)).isTrue();
                }
            } finally {
                for (Socket client : clients) {
                    client.close();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(IoTransport.class)
    void aSecondHostOnTheSamePortFailsToStartAndTheFirstKeepsItsSockets(IoTransport transport) throws Exception {
        assumeAvailable(transport);
        try (KmsServer first = start(transport, 0)) {
            int port = first.boundAddresses().get(0).getPort();
            assertThatThrownBy(() -> start(transport, port).close())
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("cannot listen on /127.0.0.1:" + port);
            assertThat(listeningSockets(port)).isEqualTo(transport == IoTransport.NIO ? 1 : THREADS);
            try (Socket client = new Socket("127.0.0.1", port)) {
                assertThat(client.isConnected()).isTrue();
                assertThat(awaitAccepted(first, 1)).hasSize(1);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(IoTransport.class)
    void aPortTakenByAnotherProgramIsRefused(IoTransport transport) throws Exception {
        assumeAvailable(transport);
        try (ServerSocket other = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> start(transport, other.getLocalPort()).close())
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("cannot listen on");
        }
    }

    private static void assumeAvailable(IoTransport transport) {
        assumeTrue(transport.isAvailable(),
                () -> transport.configName() + " unavailable here: "
                        + transport.unavailabilityCause().map(IoTransport::describe).orElse(""));
    }

    private static KmsServer start(IoTransport transport, int port) throws IOException {
        Catalog catalog = Catalog.loadDefault();
        Clock clock = Clock.systemUTC();
        HostIdentity identity = HostIdentity.create(IdentitySettings.defaults(), catalog, new SplittableRandom(7), clock);
        ActivationPolicy policy = new ActivationPolicy(new PolicySettings(120, 10080, new ClientCountPolicy.Charged(),
                0, Optional.empty()), catalog, identity, clock);
        ActivationHandler handler = new ActivationHandler(policy, new SplittableRandom(11), clock, List.of());
        ListenerSettings settings = ListenerSettings.defaults()
                .withListen(List.of(new InetSocketAddress("127.0.0.1", port)));
        return KmsServer.start(settings, handler, RpcProblemListener.NONE, new SplittableRandom(3), transport, THREADS);
    }

    private static List<Channel> awaitAccepted(KmsServer server, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<Channel> accepted = server.openChannels();
        while (accepted.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
            accepted = server.openChannels();
        }
        assertThat(accepted).hasSize(count);
        return accepted;
    }

    /**
     * LISTEN sockets on the port in the kernel's own tables (local address column, state 0A); the JVM's sockets
     * are IPv6 ones even on an IPv4 address, so /proc/net/tcp6 counts too.
     */
    private static long listeningSockets(int port) throws IOException {
        String local = String.format(Locale.ROOT, ":%04X", port);
        long count = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            if (!Files.exists(Path.of(table))) {
                continue;
            }
            try (var lines = Files.lines(Path.of(table))) {
                count += lines.skip(1).map(String::trim).map(line -> line.split("\\s+"))
                        .filter(f -> f[1].endsWith(local) && f[3].equals("0A")).count();
            }
        }
        return count;
    }
}
