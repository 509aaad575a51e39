package io.jkms.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback proxy in front of a {@link FakeKmsPeer} that hands every fragment the peer sends to a {@link Tamper}:
 * the answers start as real ones (real session, real codecs) and are broken in exactly one way, on raw bytes, so
 * the break does not depend on the codecs under test.
 */
final class TamperingPeer implements AutoCloseable {
    /** The DCE/RPC common header: frag_length at 8 (little-endian, as every peer here sends). */
    static final int HEADER = 16;
    static final int TYPE_RESPONSE = 2;
    static final int TYPE_BIND_ACK = 12;

    /** What to send the client in place of one fragment. */
    record Answer(byte[] bytes, boolean closeAfter) {
        static Answer pass(byte[] fragment) {
            return new Answer(fragment, false);
        }

        static Answer send(byte[] bytes) {
            return new Answer(bytes, false);
        }

        /** Nothing at all, and the connection stays open. */
        static Answer silence() {
            return new Answer(new byte[0], false);
        }

        Answer thenClose() {
            return new Answer(bytes, true);
        }
    }

    /** Maps one whole fragment from the peer (its PDU type given) to what the client gets. */
    @FunctionalInterface
    interface Tamper {
        Answer apply(int pduType, byte[] fragment);
    }

    private final FakeKmsPeer upstream;
    private final ServerSocket server;
    private final Tamper tamper;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private TamperingPeer(Tamper tamper) throws IOException {
        this.tamper = tamper;
        this.upstream = FakeKmsPeer.start(FakeKmsPeer.Behaviour.GOOD);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(this::acceptLoop, "tampering-peer-accept");
    }

    static TamperingPeer start(Tamper tamper) throws IOException {
        return new TamperingPeer(tamper);
    }

    /** Breaks only the RESPONSE to a request; binds pass untouched. */
    static TamperingPeer onResponse(java.util.function.UnaryOperator<Answer> change) throws IOException {
        return start((type, fragment) -> type == TYPE_RESPONSE ? change.apply(Answer.pass(fragment))
                : Answer.pass(fragment));
    }

    InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket peer = new Socket(InetAddress.getLoopbackAddress(), upstream.address().getPort());
                sockets.add(client);
                sockets.add(peer);
                daemon(() -> copy(client, peer), "tampering-peer-up");
                daemon(() -> answer(peer, client), "tampering-peer-down");
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // either side went away
        }
    }

    private void answer(Socket peer, Socket client) {
        try (client; peer) {
            InputStream in = peer.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                byte[] header = in.readNBytes(HEADER);
                if (header.length < HEADER) {
                    return;
                }
                byte[] fragment = new byte[fragLength(header)];
                System.arraycopy(header, 0, fragment, 0, HEADER);
                if (in.readNBytes(fragment, HEADER, fragment.length - HEADER) < fragment.length - HEADER) {
                    return;
                }
                Answer answer = tamper.apply(fragment[2] & 0xFF, fragment);
                out.write(answer.bytes());
                out.flush();
                if (answer.closeAfter()) {
                    return;
                }
            }
        } catch (IOException e) {
            // either side went away
        }
    }

    static int fragLength(byte[] fragment) {
        return (fragment[8] & 0xFF) | (fragment[9] & 0xFF) << 8;
    }

    /** A copy with frag_length (and, for a RESPONSE, alloc_hint) rewritten to the copy's length. */
    static byte[] resized(byte[] fragment, int newLength) {
        byte[] copy = java.util.Arrays.copyOf(fragment, newLength);
        copy[8] = (byte) newLength;
        copy[9] = (byte) (newLength >>> 8);
        if ((copy[2] & 0xFF) == TYPE_RESPONSE && newLength >= 24) {
            int stub = newLength - 24;
            for (int i = 0; i < 4; i++) {
                copy[HEADER + i] = (byte) (stub >>> 8 * i);
            }
        }
        return copy;
    }

    private static void daemon(Runnable task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
        upstream.close();
    }
}
