package io.jkms.client;

import io.jkms.protocol.EncodedRequest;
import io.jkms.protocol.KmsRequest;
import io.jkms.protocol.KmsRequestCodec;
import io.jkms.protocol.KmsResponse;
import io.jkms.protocol.KmsResponseCodec;
import io.jkms.protocol.ProtocolVersion;
import io.jkms.protocol.ResponseVerificationException;
import io.jkms.rpc.BindAckPdu;
import io.jkms.rpc.BindNakPdu;
import io.jkms.rpc.BindPdu;
import io.jkms.rpc.NdrCodec;
import io.jkms.rpc.Pdu;
import io.jkms.rpc.RequestPdu;
import io.jkms.rpc.ResponseStub;
import io.jkms.rpc.TransferSyntax;
import io.jkms.wire.Bytes;
import io.jkms.wire.MalformedWireException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One RPC connection to a KMS host, speaking as a Windows client does: BIND offering NDR32 (+ NDR64, BTFN),
 * ALTER_CONTEXT back to NDR32 when the host preferred NDR64, the first request over NDR32 and later ones
 * over NDR64. Every answer is checked at least as strictly as vlmcs checks it.
 */
public final class KmsClient implements AutoCloseable {
    /** Microsoft's client starts with call ID 2. */
    private static final int FIRST_CALL_ID = 2;
    private static final Bytes ZERO_HWID = Bytes.of(new byte[8]);

    private final Socket socket;
    private final PduStream stream;
    private final NegotiatedContexts contexts;
    private final RandomGenerator random;
    private final SourceListener source;
    private int nextCallId = FIRST_CALL_ID;
    private int requestsSent;

    private KmsClient(Socket socket, PduStream stream, NegotiatedContexts contexts, RandomGenerator random,
                      SourceListener source) {
        this.socket = socket;
        this.source = source;
        this.stream = stream;
        this.contexts = contexts;
        this.random = random;
    }

    /** Connects and binds; the connection is closed again if the bind fails. */
    public static KmsClient connect(InetSocketAddress host, ClientOptions options, RandomGenerator random)
            throws ClientException {
        return connect(host, options, random, SourceListener.NONE);
    }

    /**
     * As {@link #connect(InetSocketAddress, ClientOptions, RandomGenerator)}, but binds the socket first (to the
     * options' source, else to the target's own address: for a connection to this machine) and tells
     * {@code listener} the local address before connecting, and again before the socket closes.
     */
    public static KmsClient connect(InetSocketAddress host, ClientOptions options, RandomGenerator random,
                                    SourceListener listener) throws ClientException {
        InetSocketAddress target = host;
        if (host.isUnresolved()) {
            target = new InetSocketAddress(host.getHostString(), host.getPort());
            if (target.isUnresolved()) {
                throw new ClientException(ClientException.Kind.UNREACHABLE, "cannot resolve host name '"
                        + host.getHostString() + "'");
            }
        }
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            if (options.source().isPresent()) {
                socket.bind(new InetSocketAddress(options.source().get(), 0));
            } else if (listener != SourceListener.NONE) {
                socket.bind(new InetSocketAddress(target.getAddress(), 0));
            }
            if (socket.isBound()) {
                listener.bound((InetSocketAddress) socket.getLocalSocketAddress());
            }
            socket.connect(target, (int) options.timeout().toMillis());
            socket.setSoTimeout((int) options.timeout().toMillis());
        } catch (IOException e) {
            closeQuietly(socket, listener);
            throw new ClientException(ClientException.Kind.UNREACHABLE, "cannot connect to "
                    + new HostAddress(target.getHostString(), target.getPort()) + ": "
                    + e.getMessage(), e);
        }
        try {
            PduStream stream = new PduStream(socket.getInputStream(), socket.getOutputStream());
            NegotiatedContexts contexts = bind(stream, options);
            return new KmsClient(socket, stream, contexts, random, listener);
        } catch (IOException e) {
            closeQuietly(socket, listener);
            throw new ClientException(ClientException.Kind.RPC, "connection failed: " + e.getMessage(), e);
        } catch (ClientException | RuntimeException e) {
            closeQuietly(socket, listener);
            throw e;
        }
    }

    private static NegotiatedContexts bind(PduStream stream, ClientOptions options) throws ClientException {
        BindPdu bind = ClientBind.create(options.ndr64(), options.btfn(), FIRST_CALL_ID);
        NegotiatedContexts contexts = exchangeBind(stream, bind);
        if (contexts.ndr32Context().isEmpty()) {
            // The host preferred NDR64: ask for NDR32 as well, for the first request (as Windows does).
            BindPdu alter = ClientBind.alterToNdr32(FIRST_CALL_ID);
            NegotiatedContexts altered = exchangeBind(stream, alter);
            contexts = new NegotiatedContexts(altered.ndr32Context(), contexts.ndr64Context(), contexts.btfnFeatures());
        }
        return contexts;
    }

    private static NegotiatedContexts exchangeBind(PduStream stream, BindPdu bind) throws ClientException {
        stream.write(bind);
        Pdu answer = stream.read("waiting for the answer to " + bind.type());
        if (answer instanceof BindNakPdu nak) {
            throw new ClientException(ClientException.Kind.RPC, "host refused the bind (BIND_NAK, reason "
                    + nak.rejectReason() + ")");
        }
        if (!(answer instanceof BindAckPdu ack)) {
            throw new ClientException(ClientException.Kind.RPC, "expected an answer to " + bind.type() + ", got "
                    + answer.type());
        }
        try {
            return BindAckVerifier.verify(bind, ack);
        } catch (RpcVerificationException e) {
            throw new ClientException(ClientException.Kind.RPC, e.getMessage(), e);
        }
    }

    /** Changes the longest wait for an answer (the connect and bind used the options' timeout). */
    public void setTimeout(Duration timeout) throws ClientException {
        try {
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        } catch (IOException e) {
            throw new ClientException(ClientException.Kind.RPC, "connection failed: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the last failure was the host closing the connection cleanly between PDUs, as py-kms does after every
     * response; the request may be sent again on a new connection.
     */
    public boolean closedByHost() {
        return stream.closedByPeer();
    }

    /** The address connected to. */
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    /** The contexts the host accepted. */
    public NegotiatedContexts contexts() {
        return contexts;
    }

    /** Sends one activation request and verifies the answer. */
    public ActivationResult activate(KmsRequest request) throws ClientException {
        EncodedRequest encoded = KmsRequestCodec.encode(request, random);
        TransferSyntax syntax = syntaxForNextRequest();
        int contextId = syntax == TransferSyntax.NDR32 ? contexts.ndr32Context().getAsInt()
                : contexts.ndr64Context().getAsInt();
        RequestPdu pdu = RequestPdu.of(nextCallId++, contextId, NdrCodec.encodeRequestStub(syntax, encoded.message()));
        long started = System.nanoTime();
        stream.write(pdu);
        Bytes stub = readResponseStub(pdu);
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        requestsSent++;
        ResponseStub result;
        try {
            result = NdrCodec.decodeResponseStub(syntax, stub);
        } catch (MalformedWireException e) {
            throw new ClientException(ClientException.Kind.RPC, "malformed NDR response: " + e.getMessage(), e);
        }
        if (result.message().isEmpty()) {
            if (result.returnValue() == 0) {
                throw new ClientException(ClientException.Kind.RPC, "NDR response: a NULL response pointer with "
                        + "return value 0 (neither an answer nor an error)");
            }
            return new ActivationResult(Optional.empty(), result.returnValue(), syntax, latency, List.of());
        }
        if (result.returnValue() != 0) {
            throw new ClientException(ClientException.Kind.RPC, "NDR response: return value expected 0x00000000 "
                    + "with a response message but was " + String.format("0x%08X", result.returnValue()));
        }
        try {
            KmsResponse response = KmsResponseCodec.decodeAndVerify(result.message().get(), encoded);
            return new ActivationResult(Optional.of(response), 0, syntax, latency,
                    oddities(response, result.message().get(), encoded));
        } catch (ResponseVerificationException e) {
            throw new ClientException(ClientException.Kind.VERIFICATION, e.getMessage(), e);
        }
    }

    /** What Windows accepts in a verified V6 answer but a genuine host would not send. */
    private static List<Finding> oddities(KmsResponse response, Bytes message, EncodedRequest sent) {
        if (response.version() != ProtocolVersion.V6) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        if (message.slice(4, 20).equals(sent.requestIv())) {
            findings.add(Finding.warning("v6-iv", "the V6 answer is encrypted with the request's IV, as V5 answers "
                    + "are; a genuine V6 host draws a fresh one"));
        }
        if (response.hwid().equals(ZERO_HWID)) {
            findings.add(Finding.warning("hwid", "the HWID is all zeros; a genuine host sends its hardware ID"));
        }
        return findings;
    }

    /** NDR32 first (and whenever NDR64 was not accepted), NDR64 after, as Windows does. */
    private TransferSyntax syntaxForNextRequest() {
        if (contexts.ndr64Context().isPresent() && (requestsSent > 0 || contexts.ndr32Context().isEmpty())) {
            return TransferSyntax.NDR64;
        }
        return TransferSyntax.NDR32;
    }

    private Bytes readResponseStub(RequestPdu sent) throws ClientException {
        Pdu answer = stream.read("waiting for the response to call " + sent.callId());
        try {
            return ResponsePduVerifier.verify(sent, answer);
        } catch (RpcFaultReceivedException e) {
            throw new ClientException(ClientException.Kind.RPC, "host answered with an RPC FAULT: " + e.getMessage(), e);
        } catch (RpcVerificationException e) {
            throw new ClientException(ClientException.Kind.RPC, e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(socket, source);
    }

    /** Closes the socket, telling the listener first: its source address is free for others only after. */
    private static void closeQuietly(Socket socket, SourceListener listener) {
        if (socket.isBound()) {
            listener.released((InetSocketAddress) socket.getLocalSocketAddress());
        }
        try {
            socket.close();
        } catch (IOException e) {
            // nothing useful to do: the connection is gone either way
        }
    }
}
