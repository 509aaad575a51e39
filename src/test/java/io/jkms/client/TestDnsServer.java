package io.jkms.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A DNS server on 127.0.0.1:0 (UDP) that knows only SRV records: enough for the JDK's resolver. Other names get
 * NXDOMAIN, other types an empty answer.
 */
public final class TestDnsServer implements AutoCloseable {
    private static final int TYPE_SRV = 33;

    private final DatagramSocket socket;
    private final Map<String, List<SrvRecord>> records;
    private final Thread thread;

    public TestDnsServer(Map<String, List<SrvRecord>> records) throws IOException {
        this.records = Map.copyOf(records);
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.thread = new Thread(this::serve, "test-dns");
        thread.setDaemon(true);
        thread.start();
    }

    public HostAddress address() {
        return new HostAddress("127.0.0.1", socket.getLocalPort());
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket query = new DatagramPacket(buffer, buffer.length);
                socket.receive(query);
                byte[] answer = answer(ByteBuffer.wrap(query.getData(), 0, query.getLength()));
                socket.send(new DatagramPacket(answer, answer.length, query.getSocketAddress()));
            } catch (IOException | RuntimeException e) {
                return;
            }
        }
    }

    private byte[] answer(ByteBuffer q) {
        int id = q.getShort() & 0xFFFF;
        q.position(12);
        StringBuilder name = new StringBuilder();
        for (int len = q.get() & 0xFF; len != 0; len = q.get() & 0xFF) {
            byte[] label = new byte[len];
            q.get(label);
            name.append(name.length() == 0 ? "" : ".").append(new String(label, java.nio.charset.StandardCharsets.US_ASCII));
        }
        int questionEnd = q.position() + 4;
        int type = q.getShort() & 0xFFFF;
        List<SrvRecord> found = records.get(name.toString().toLowerCase(Locale.ROOT));
        List<SrvRecord> answers = found == null || type != TYPE_SRV ? List.of() : found;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        putShort(out, id);
        putShort(out, 0x8180 | (found == null ? 3 : 0)); // response, RD, RA; NXDOMAIN for unknown names
        putShort(out, 1);
        putShort(out, answers.size());
        putShort(out, 0);
        putShort(out, 0);
        out.write(q.array(), q.arrayOffset() + 12, questionEnd - 12);
        for (SrvRecord r : answers) {
            putShort(out, 0xC00C);
            putShort(out, TYPE_SRV);
            putShort(out, 1);
            putShort(out, 0);
            putShort(out, 60);
            byte[] target = encodeName(r.target());
            putShort(out, 6 + target.length);
            putShort(out, r.priority());
            putShort(out, r.weight());
            putShort(out, r.port());
            out.write(target, 0, target.length);
        }
        return out.toByteArray();
    }

    private static byte[] encodeName(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String label : name.split("\\.")) {
            byte[] b = label.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            out.write(b.length);
            out.write(b, 0, b.length);
        }
        out.write(0);
        return out.toByteArray();
    }

    private static void putShort(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v & 0xFF);
    }

    @Override
    public void close() {
        socket.close();
    }
}
