package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jkms.host.IoTransport;
import io.jkms.protocol.DecodedRequest;
import io.jkms.protocol.EncodedRequest;
import io.jkms.protocol.KmsRequestCodec;
import io.jkms.protocol.KmsResponse;
import io.jkms.protocol.KmsResponseCodec;
import io.jkms.rpc.BindAckPdu;
import io.jkms.rpc.ContextResult;
import io.jkms.rpc.FaultPdu;
import io.jkms.rpc.NdrCodec;
import io.jkms.rpc.Pdu;
import io.jkms.rpc.PduCodec;
import io.jkms.rpc.RequestPdu;
import io.jkms.rpc.ResponsePdu;
import io.jkms.rpc.RpcFaultException;
import io.jkms.rpc.ResponseStub;
import io.jkms.rpc.Syntaxes;
import io.jkms.rpc.TransferSyntax;
import io.jkms.testing.Vectors;
import io.jkms.testing.Vectors.Exchange;
import io.jkms.testing.Vectors.Vector;
import io.jkms.wire.Bytes;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every captured client conversation of {@code ../shared/vectors} byte for byte against jkms and
 * checks each answer: the same PDU types the reference host sent (or better where it failed), every
 * activation response decoding and verifying with the client-side code, and every {@code bad-*} case
 * answered as vlmcsd answers it.
 */
@Tag("network")
class CapturedExchangesTest {

    static Stream<Vector> vectors() {
        return Vectors.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void jkmsAnswersEveryCapturedConversation(Vector vector) throws Exception {
        try (TestHost host = TestHost.start(settingsFor(vector))) {
            for (int conn : vector.exchanges().stream().mapToInt(Exchange::conn).distinct().toArray()) {
                replay(host, vector, vector.exchanges().stream().filter(e -> e.conn() == conn).toList());
            }
        }
    }

    /**
     * The same replay under each I/O transport that runs here (one host per distinct setting, registry off, to
     * keep it cheap); a transport this machine lacks is skipped, naming why.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(IoTransport.class)
    void everyCapturedConversationIsAnsweredTheSameUnderEachTransport(IoTransport transport) throws Exception {
        assumeTrue(transport.isAvailable(), () -> transport.configName() + " unavailable here: "
                + transport.unavailabilityCause().map(IoTransport::describe).orElse(""));
        Map<List<String>, List<Vector>> bySettings = Vectors.all().stream().collect(Collectors.groupingBy(
                v -> Arrays.asList(settingsFor(v)), LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<List<String>, List<Vector>> group : bySettings.entrySet()) {
            String[] settings = Stream.concat(group.getKey().stream(),
                    Stream.of("io", transport.configName(), "registry", "off")).toArray(String[]::new);
            try (TestHost host = TestHost.start(settings)) {
                assertThat(host.host.server().transport()).isEqualTo(transport);
                for (Vector vector : group.getValue()) {
                    try {
                        for (int conn : vector.exchanges().stream().mapToInt(Exchange::conn).distinct().toArray()) {
                            replay(host, vector, vector.exchanges().stream().filter(e -> e.conn() == conn).toList());
                        }
                    } catch (AssertionError e) {
                        throw new AssertionError(vector.name() + " over " + transport.configName() + ": "
                                + e.getMessage(), e);
                    }
                }
            }
        }
        assertThat(bySettings.values().stream().mapToInt(List::size).sum()).isEqualTo(Vectors.all().size());
    }

    /** The host settings matching the captured server: NDR64 as it answered, whitelist as its options. */
    private static String[] settingsFor(Vector vector) {
        boolean acceptedNdr64 = vector.ofType("bind_ack").stream().flatMap(e -> ((BindAckPdu) PduCodec.decode(e.bytes()))
                .results().stream()).anyMatch(r -> r.result() == ContextResult.ACCEPTANCE
                && r.transferSyntax().equals(Syntaxes.NDR64));
        String whitelist = vector.text("server_options").contains("-K3") ? "3" : "0";
        return new String[] {"ndr64", Boolean.toString(acceptedNdr64), "whitelist", whitelist};
    }

    private static void replay(TestHost host, Vector vector, List<Exchange> exchanges) throws Exception {
        Map<Integer, Bytes> kmsRequests = new HashMap<>();
        Map<Integer, TransferSyntax> syntaxByContext = new HashMap<>();
        try (Socket socket = new Socket(host.address().getAddress(), host.address().getPort())) {
            socket.setSoTimeout(5000);
            InputStream in = socket.getInputStream();
            for (int i = 0; i < exchanges.size(); i++) {
                Exchange exchange = exchanges.get(i);
                if (!exchange.clientToServer() || exchange.eof()) {
                    continue;
                }
                socket.getOutputStream().write(exchange.bytes().toArray());
                if (exchange.incomplete()) {
                    socket.shutdownOutput();
                    assertThat(in.read()).as("a truncated PDU gets no answer, only a close").isEqualTo(-1);
                    return;
                }
                Pdu sent = PduCodec.decode(exchange.bytes());
                Pdu answer = readPdu(in);
                check(vector, sent, answer, expectedAnswer(exchanges, i), kmsRequests, syntaxByContext);
            }
        }
    }

    /** The type of what the reference host sent back, or null when it sent nothing (it failed). */
    private static String expectedAnswer(List<Exchange> exchanges, int index) {
        for (int j = index + 1; j < exchanges.size(); j++) {
            Exchange next = exchanges.get(j);
            if (!next.clientToServer() && !next.eof()) {
                return next.pduType();
            }
            if (next.clientToServer() && !next.eof()) {
                return null;
            }
        }
        return null;
    }

    private static void check(Vector vector, Pdu sent, Pdu answer, String expected, Map<Integer, Bytes> kmsRequests,
                              Map<Integer, TransferSyntax> syntaxByContext) {
        assertThat(answer.callId()).as("call_id echoed").isEqualTo(sent.callId());
        if (sent instanceof RequestPdu request) {
            checkRequestAnswer(vector, request, answer, syntaxByContext);
            return;
        }
        assertThat(answer).isInstanceOf(BindAckPdu.class);
        if (expected != null) {
            assertThat(answer.type().name().toLowerCase(java.util.Locale.ROOT)).isEqualTo(expected);
        }
        io.jkms.rpc.BindPdu bind = (io.jkms.rpc.BindPdu) sent;
        List<ContextResult> results = ((BindAckPdu) answer).results();
        for (int k = 0; k < results.size(); k++) {
            ContextResult result = results.get(k);
            if (result.result() == ContextResult.ACCEPTANCE) {
                syntaxByContext.put(bind.items().get(k).contextId(),
                        result.transferSyntax().equals(Syntaxes.NDR64) ? TransferSyntax.NDR64 : TransferSyntax.NDR32);
            }
        }
        kmsRequests.clear();
    }

    private static void checkRequestAnswer(Vector vector, RequestPdu request, Pdu answer,
                                           Map<Integer, TransferSyntax> syntaxByContext) {
        TransferSyntax syntax = syntaxByContext.get(request.contextId());
        if (syntax == null) {
            assertThat(answer).as("a request on no accepted context").isInstanceOf(FaultPdu.class);
            assertThat(((FaultPdu) answer).status()).isEqualTo(RpcFaultException.NCA_UNK_IF);
            return;
        }
        assertThat(answer).isInstanceOf(ResponsePdu.class);
        ResponseStub result = NdrCodec.decodeResponseStub(syntax, ((ResponsePdu) answer).stub());
        String name = vector.name();
        if (name.startsWith("bad-unsupported-version") || name.startsWith("bad-truncated-request")) {
            assertThat(result.message()).isEmpty();
            assertThat(result.returnValue()).isEqualTo(0x8007000D);
            return;
        }
        if (name.equals("bad-unknown-kmsid-vlmcsd-K3")) {
            assertThat(result.message()).isEmpty();
            assertThat(result.returnValue()).isEqualTo(0xC004F042);
            return;
        }
        Bytes message = NdrCodec.decodeRequestStub(syntax, request.stub());
        DecodedRequest decoded = KmsRequestCodec.decode(message);
        assertThat(result.message()).as(name + ": activated").isPresent();
        KmsResponse response = KmsResponseCodec.decodeAndVerify(result.message().get(),
                EncodedRequest.of(message, decoded));
        assertThat(response.cmid()).isEqualTo(decoded.request().cmid());
        assertThat(response.clientCount()).isEqualTo(Math.max(1, 2 * decoded.request().requiredClientCount()));
    }

    private static Pdu readPdu(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] header = new byte[PduCodec.HEADER_LENGTH];
        try {
            data.readFully(header);
        } catch (EOFException e) {
            fail("host closed the connection instead of answering");
        }
        byte[] fragment = new byte[PduCodec.fragLength(header, 0)];
        System.arraycopy(header, 0, fragment, 0, header.length);
        data.readFully(fragment, header.length, fragment.length - header.length);
        return PduCodec.decode(Bytes.of(fragment));
    }
}
