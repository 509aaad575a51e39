package io.jkms.client;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A DNS server on 127.0.0.1:0 (UDP) that knows only SRV records, built with dnsjava: other names get NXDOMAIN,
 * other types an empty answer. (The tests of publishing use a real BIND; this one serves records a test makes up,
 * such as a priority that no host published.)
 */
public final class TestDnsServer implements AutoCloseable {
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
                byte[] answer = answer(new Message(Arrays.copyOf(query.getData(), query.getLength())));
                socket.send(new DatagramPacket(answer, answer.length, query.getSocketAddress()));
            } catch (IOException | RuntimeException e) {
                return;
            }
        }
    }

    private byte[] answer(Message query) throws TextParseException {
        Record question = query.getQuestion();
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        response.addRecord(question, Section.QUESTION);
        List<SrvRecord> found = records.get(question.getName().toString(true).toLowerCase(Locale.ROOT));
        if (found == null) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
        } else if (question.getType() == Type.SRV) {
            for (SrvRecord r : found) {
                Name target = r.noService() ? Name.root : Name.fromString(r.target() + ".");
                response.addRecord(new SRVRecord(question.getName(), DClass.IN, 60, r.priority(), r.weight(), r.port(),
                        target), Section.ANSWER);
            }
        }
        return response.toWire(512);
    }

    @Override
    public void close() {
        socket.close();
    }
}
