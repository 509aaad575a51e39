package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.client.ClientOptions;
import io.jkms.client.KmsClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Hostile and idle connections are closed one by one while the host keeps serving everyone else. */
@Tag("network")
class HostListenerTest {

    private static boolean closedByHost(Socket socket) throws IOException {
        socket.setSoTimeout(5000);
        InputStream in = socket.getInputStream();
        try {
            while (in.read() >= 0) {
                // drain whatever the host answered before it closed
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset by the host
        }
    }

    private static boolean stillServes(TestHost host) throws Exception {
        try (KmsClient client = KmsClient.connect(host.address(), ClientOptions.defaults(), new SecureRandom())) {
            return client.activate(HostEndToEndTest.PRODUCTS.get(4).request("good")).activated();
        }
    }

    @Test
    void randomBytesCloseThatConnectionOnly() throws Exception {
        try (TestHost host = TestHost.start()) {
            SplittableRandom random = new SplittableRandom(42);
            for (int i = 0; i < 20; i++) {
                byte[] junk = new byte[16 + random.nextInt(300)];
                random.nextBytes(junk);
                junk[8] = (byte) junk.length; // a frag_length that fits, so the PDU is decoded and refused
                junk[9] = 0;
                try (Socket socket = new Socket(host.address().getAddress(), host.address().getPort())) {
                    socket.getOutputStream().write(junk);
                    assertThat(closedByHost(socket)).as("junk %d closed", i).isTrue();
                }
            }
            assertThat(stillServes(host)).isTrue();
        }
    }

    @Test
    void aFragLengthAboveTheMaximumClosesBeforeAnythingIsBuffered() throws Exception {
        try (TestHost host = TestHost.start();
             Socket socket = new Socket(host.address().getAddress(), host.address().getPort())) {
            // A BIND header claiming 65535 bytes: more than the 5840-byte maximum.
            socket.getOutputStream().write(HexFormat.of().parseHex("05000b0310000000ffff000002000000"));
            assertThat(closedByHost(socket)).isTrue();
            assertThat(stillServes(host)).isTrue();
        }
    }

    /** Busy: each of them is in the middle of a PDU. Idle ones would be evicted instead (see HostLimitsTest). */
    @Test
    void connectionsBeyondTheMaximumAreClosedAtOnceWhenNoneIsIdle() throws Exception {
        try (TestHost host = TestHost.start("max-connections", "3")) {
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    Socket socket = new Socket(host.address().getAddress(), host.address().getPort());
                    held.add(socket);
                    socket.getOutputStream().write(HexFormat.of().parseHex("05000b03100000004800"));
                }
                long busy = System.nanoTime() + 5_000_000_000L;
                while ((host.host.server().openConnections() < 3 || host.host.server().idleConnections() > 0)
                        && System.nanoTime() < busy) {
                    Thread.onSpinWait(); // until the host has accepted all three and read their partial PDUs
                }
                assertThat(host.host.server().idleConnections()).isZero();
                try (Socket extra = new Socket(host.address().getAddress(), host.address().getPort())) {
                    assertThat(closedByHost(extra)).isTrue();
                }
            } finally {
                for (Socket socket : held) {
                    socket.close();
                }
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (host.host.server().openConnections() > 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait(); // the host sees the closes asynchronously
            }
            assertThat(stillServes(host)).as("served again once connections are released").isTrue();
        }
    }

    @Test
    void anIdleConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (TestHost host = TestHost.start("idle-timeout", "1");
             Socket idle = new Socket(host.address().getAddress(), host.address().getPort())) {
            assertThat(closedByHost(idle)).isTrue();
        }
    }
}
