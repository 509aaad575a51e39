package io.jkms.client;

import io.jkms.protocol.DecodedRequest;
import io.jkms.protocol.KmsRequest;
import io.jkms.protocol.KmsRequestCodec;
import io.jkms.protocol.KmsResponse;
import io.jkms.protocol.KmsResponseCodec;
import io.jkms.protocol.ProtocolVersion;
import io.jkms.protocol.TamperedResponses;
import io.jkms.rpc.BindNakPdu;
import io.jkms.rpc.BindPdu;
import io.jkms.rpc.FaultPdu;
import io.jkms.rpc.Pdu;
import io.jkms.rpc.PduCodec;
import io.jkms.rpc.RequestPdu;
import io.jkms.rpc.ResponsePdu;
import io.jkms.rpc.RpcFaultException;
import io.jkms.rpc.RpcSession;
import io.jkms.rpc.RpcSettings;
import io.jkms.rpc.SessionReply;
import io.jkms.rpc.OperationReply;
import io.jkms.wire.Bytes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A KMS peer on 127.0.0.1:0 that misbehaves on demand, MockWebServer-style: it answers through the real
 * {@link RpcSession} and the real codecs, then breaks exactly one thing.
 */
public final class FakeKmsPeer implements AutoCloseable {
    /** A Windows-CSVLK ePID (group 206), vlmcsd's built-in default. */
    public static final String WINDOWS_EPID = "03612-00206-556-123727-03-1033-17763.0000-2972018";

    /** What goes wrong. */
    public enum Behaviour {
        GOOD, CLOSE_AT_ONCE, STALL, BIND_NAK, FAULT, TRUNCATED_RESPONSE, WRONG_HMAC, WRONG_CMID, BAD_EPID,
        WRONG_EPID_GROUP, REFUSE, LOW_COUNT, WRONG_CALL_ID, CLOSE_AFTER_RESPONSE,
        /** The right CSVLK group (Windows, 00206) but a key ID outside its range. */
        EPID_KEY_OUT_OF_RANGE,
        /** A V6 answer encrypted with the request's IV, as V5 does (py-kms did this for a while). */
        V6_REQUEST_IV,
        /** A V6 answer with an all-zero HWID. */
        ZERO_HWID
    }

    private final ServerSocket server;
    private final Behaviour behaviour;
    private final int hresult;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    private FakeKmsPeer(Behaviour behaviour, int hresult) throws IOException {
        this.behaviour = behaviour;
        this.hresult = hresult;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "fake-kms-peer-" + behaviour);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static FakeKmsPeer start(Behaviour behaviour) throws IOException {
        return new FakeKmsPeer(behaviour, 0);
    }

    /** Answers every request with this HRESULT. */
    public static FakeKmsPeer refusing(int hresult) throws IOException {
        return new FakeKmsPeer(Behaviour.REFUSE, hresult);
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    public HostAddress host() {
        return new HostAddress("127.0.0.1", server.getLocalPort());
    }

    /** TCP connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                sockets.add(socket);
                Thread t = new Thread(() -> serve(socket), "fake-kms-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            if (behaviour == Behaviour.CLOSE_AT_ONCE) {
                return;
            }
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            RpcSession session = new RpcSession(RpcSettings.defaults(), Integer.toString(server.getLocalPort()), 0x1234,
                    this::answer);
            while (true) {
                Optional<Bytes> fragment = readFragment(in);
                if (fragment.isEmpty() || behaviour == Behaviour.STALL) {
                    if (fragment.isEmpty()) {
                        return;
                    }
                    continue; // read, never answer
                }
                Pdu pdu = PduCodec.decode(fragment.get());
                if (!handle(pdu, session, out)) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away or the test is over
        }
    }

    /** Sends the (possibly broken) answers; false to close. */
    private boolean handle(Pdu pdu, RpcSession session, OutputStream out) throws IOException {
        if (pdu instanceof BindPdu bind && behaviour == Behaviour.BIND_NAK) {
            out.write(PduCodec.encode(new BindNakPdu(Pdu.PFC_FIRST_AND_LAST, bind.callId(),
                    BindNakPdu.REASON_LOCAL_LIMIT_EXCEEDED, List.of(BindNakPdu.VERSION_5_0))).toArray());
            return false;
        }
        if (pdu instanceof RequestPdu request && behaviour == Behaviour.FAULT) {
            out.write(PduCodec.encode(new FaultPdu(0x23, request.callId(), 32, request.contextId(), 0,
                    RpcFaultException.NCA_OP_RNG_ERROR)).toArray());
            return true;
        }
        SessionReply reply = session.onPdu(pdu);
        for (Pdu answer : reply.replies()) {
            byte[] bytes = PduCodec.encode(corrupt(answer)).toArray();
            if (answer instanceof ResponsePdu && behaviour == Behaviour.TRUNCATED_RESPONSE) {
                out.write(bytes, 0, bytes.length / 2);
                out.flush();
                return false;
            }
            out.write(bytes);
        }
        out.flush();
        return !reply.close() && !(pdu instanceof RequestPdu && behaviour == Behaviour.CLOSE_AFTER_RESPONSE);
    }

    private Pdu corrupt(Pdu answer) {
        if (answer instanceof ResponsePdu r && behaviour == Behaviour.WRONG_CALL_ID) {
            return new ResponsePdu(r.flags(), r.callId() + 7, r.allocHint(), r.contextId(), r.cancelCount(), r.stub());
        }
        return answer;
    }

    private OperationReply answer(Bytes message) {
        if (behaviour == Behaviour.REFUSE) {
            return OperationReply.error(hresult);
        }
        DecodedRequest decoded = KmsRequestCodec.decode(message);
        KmsRequest q = decoded.request();
        String epid = switch (behaviour) {
            case BAD_EPID -> "03612-00206-556-123727-03-1033-17763.0000-29720X8";
            case WRONG_EPID_GROUP -> "03612-00096-199-000000-03-1033-17763.0000-2972018";
            case EPID_KEY_OUT_OF_RANGE -> "03612-00206-199-000000-03-1033-17763.0000-2972018";
            default -> WINDOWS_EPID;
        };
        UUID cmid = behaviour == Behaviour.WRONG_CMID ? new UUID(q.cmid().getMostSignificantBits(),
                q.cmid().getLeastSignificantBits() ^ 1) : q.cmid();
        long count = behaviour == Behaviour.LOW_COUNT ? 3 : 2 * q.requiredClientCount();
        Bytes hwid = q.version() != ProtocolVersion.V6 ? Bytes.EMPTY
                : Bytes.fromHex(behaviour == Behaviour.ZERO_HWID ? "0000000000000000" : "3A1C049600B60076");
        KmsResponse response = new KmsResponse(q.version(), epid, cmid, q.clientTime(), count, 120, 10080, hwid);
        Bytes encoded = KmsResponseCodec.encode(response, decoded, new SplittableRandom(7));
        if (behaviour == Behaviour.WRONG_HMAC) {
            encoded = TamperedResponses.withWrongHmac(encoded);
        } else if (behaviour == Behaviour.V6_REQUEST_IV && q.version() == ProtocolVersion.V6) {
            encoded = TamperedResponses.withRequestIv(encoded, decoded.requestIv(), q.clientTime());
        }
        return OperationReply.success(encoded);
    }

    private static Optional<Bytes> readFragment(InputStream in) throws IOException {
        byte[] header = in.readNBytes(PduCodec.HEADER_LENGTH);
        if (header.length < PduCodec.HEADER_LENGTH) {
            return Optional.empty();
        }
        int length = PduCodec.fragLength(header, 0);
        byte[] rest = in.readNBytes(Math.max(0, length - PduCodec.HEADER_LENGTH));
        return Optional.of(Bytes.of(header).concat(Bytes.of(rest)));
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
