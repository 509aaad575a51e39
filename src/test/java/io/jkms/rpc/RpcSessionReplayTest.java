package io.jkms.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.testing.Vectors;
import io.jkms.testing.Vectors.Exchange;
import io.jkms.testing.Vectors.Vector;
import io.jkms.wire.Bytes;
import io.jkms.wire.MalformedWireException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays every capture into a fresh {@link RpcSession} per TCP connection, configured like the captured server
 * (vlmcsd ran with its defaults, NDR64 and BTFN on, as its bind_acks show; py-kms never accepts NDR64), with the
 * captured port and association group, and a fake {@link KmsOperation} that answers with the captured KMS
 * answers in order. Each reply must equal the captured server PDU field by field and byte for byte.
 */
class RpcSessionReplayTest {
    /** Where py-kms failed and vlmcsd's behaviour is the one to follow; tested one by one below. */
    private static final Set<String> PYKMS_FAILURES = Set.of("bad-request-without-bind-pykms",
            "bad-truncated-request-pykms", "bad-truncated-stream-pykms", "bad-unsupported-version-3-pykms",
            "bad-unsupported-version-7-pykms");

    static List<Vector> replayable() {
        return Vectors.all().stream()
                .filter(v -> !PYKMS_FAILURES.contains(v.name()) && !v.name().equals("bad-truncated-stream-vlmcsd"))
                .toList();
    }

    static boolean isVlmcsd(Vector v) {
        return v.text("server").equals("vlmcsd");
    }

    static RpcSettings settingsOf(Vector v) {
        return RpcSettings.defaults().withNdr64(isVlmcsd(v));
    }

    static List<Exchange> connection(Vector v, int conn) {
        return v.exchanges().stream().filter(e -> e.conn() == conn && !e.eof()).toList();
    }

    /**
     * The captured host's KMS answers on this connection, in order, as the fake operation returns them; answers
     * to a request stub that does not unwrap are the RPC layer's own and never asked of the operation.
     */
    static Deque<OperationReply> capturedAnswers(List<Exchange> exchanges) {
        Deque<OperationReply> answers = new ArrayDeque<>();
        RequestPdu request = null;
        for (Exchange e : exchanges) {
            if ("request".equals(e.pduType())) {
                request = (RequestPdu) PduCodec.decode(e.bytes());
            }
            if ("response".equals(e.pduType())) {
                ResponsePdu response = (ResponsePdu) PduCodec.decode(e.bytes());
                TransferSyntax syntax = "ndr64".equals(e.decoded().path("ndr").asText())
                        ? TransferSyntax.NDR64 : TransferSyntax.NDR32;
                if (!unwraps(syntax, request)) {
                    continue;
                }
                ResponseStub result = NdrCodec.decodeResponseStub(syntax, response.stub());
                answers.add(result.message().map(OperationReply::success)
                        .orElseGet(() -> OperationReply.error(result.returnValue())));
            }
        }
        return answers;
    }

    private static boolean unwraps(TransferSyntax syntax, RequestPdu request) {
        try {
            NdrCodec.decodeRequestStub(syntax, request.stub());
            return true;
        } catch (io.jkms.wire.MalformedWireException e) {
            return false;
        }
    }

    static RpcSession sessionFor(Vector v, List<Exchange> exchanges, KmsOperation operation) {
        BindAckPdu ack = exchanges.stream().filter(e -> "bind_ack".equals(e.pduType()))
                .map(e -> (BindAckPdu) PduCodec.decode(e.bytes())).findFirst()
                .orElse(new BindAckPdu(PduType.BIND_ACK, 3, 0, 0, 0, 1, "1688", List.of()));
        return new RpcSession(settingsOf(v), ack.secondaryAddress(), ack.assocGroupId(), operation);
    }

    static Bytes hostWouldWrite(Exchange e) {
        return "alter_context_resp".equals(e.pduType()) ? Captured.zeroSecAddrPadding(e.bytes()) : e.bytes();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replayable")
    void sessionAnswersEveryClientPduAsTheCapturedServerDid(Vector v) {
        Set<Integer> conns = new TreeSet<>();
        v.exchanges().forEach(e -> conns.add(e.conn()));
        for (int conn : conns) {
            List<Exchange> exchanges = connection(v, conn);
            Deque<OperationReply> answers = capturedAnswers(exchanges);
            RpcSession session = sessionFor(v, exchanges, request -> answers.removeFirst());
            for (int i = 0; i < exchanges.size(); i++) {
                if (!exchanges.get(i).clientToServer()) {
                    continue;
                }
                List<Exchange> expected = new ArrayList<>();
                for (int j = i + 1; j < exchanges.size() && !exchanges.get(j).clientToServer(); j++) {
                    expected.add(exchanges.get(j));
                }
                SessionReply reply = session.onFragment(exchanges.get(i).bytes());
                String step = v.name() + " conn " + conn + " after " + exchanges.get(i).pduType();
                assertThat(reply.close()).as(step).isFalse();
                assertThat(reply.replies()).as(step).hasSameSizeAs(expected);
                for (int k = 0; k < expected.size(); k++) {
                    assertThat(reply.replies().get(k)).as(step).isEqualTo(PduCodec.decode(expected.get(k).bytes()));
                    assertThat(PduCodec.encode(reply.replies().get(k))).as(step)
                            .isEqualTo(hostWouldWrite(expected.get(k)));
                }
            }
            assertThat(answers).as("every captured KMS answer was asked for").isEmpty();
        }
    }

    @Test
    void replayCoversEveryCaptureButTheOnesPyKmsFailed() {
        assertThat(replayable()).hasSize(Vectors.all().size() - PYKMS_FAILURES.size() - 1);
    }

    private static List<SessionReply> feedClientPdus(Vector v, RpcSession session) {
        List<SessionReply> replies = new ArrayList<>();
        for (Exchange e : connection(v, 1)) {
            if (e.clientToServer()) {
                replies.add(session.onFragment(e.bytes()));
            }
        }
        return replies;
    }

    private static Bytes capturedServerPdu(String vector, String pduType) {
        return Vectors.load(vector).exchanges().stream().filter(e -> pduType.equals(e.pduType()))
                .findFirst().orElseThrow().bytes();
    }

    /** Same as vlmcsd, which answers with the very same FAULT bytes (request call_id 2). py-kms answered. */
    @ParameterizedTest
    @ValueSource(strings = {"bad-request-without-bind-vlmcsd", "bad-request-without-bind-pykms"})
    void requestBeforeAnyBindIsAnsweredWithFaultUnknownInterfaceAndTheConnectionStays(String name) {
        Vector v = Vectors.load(name);
        SessionReply reply = feedClientPdus(v, sessionFor(v, connection(v, 1), r -> {
            throw new AssertionError("the operation must not run");
        })).get(0);
        assertThat(reply.close()).isFalse();
        assertThat(reply.replies()).extracting(PduCodec::encode)
                .containsExactly(capturedServerPdu("bad-request-without-bind-vlmcsd", "fault"));
    }

    /** Better than vlmcsd, whose FAULT always carries call_id 2 (README of the vectors): we echo the call_id. */
    @Test
    void faultEchoesTheRequestCallIdWhereVlmcsdSendsTwo() {
        RequestPdu request = (RequestPdu) PduCodec.decode(firstClientPdu("bad-request-without-bind-vlmcsd"));
        RequestPdu seven = new RequestPdu(request.flags(), 7, request.allocHint(), 0, 0, request.objectUuid(),
                request.stub());
        RpcSession session = new RpcSession(RpcSettings.defaults(), "1688", 1, r -> OperationReply.error(1));
        assertThat(session.onPdu(seven).replies()).containsExactly(new FaultPdu(0x23, 7, 32, 0, 0, 0x1C010003L));
    }

    private static Bytes firstClientPdu(String vector) {
        return Vectors.load(vector).exchanges().get(0).bytes();
    }

    /** As vlmcsd (same bytes); py-kms raised struct.error and closed without answering. */
    @ParameterizedTest
    @ValueSource(strings = {"bad-truncated-request-vlmcsd", "bad-truncated-request-pykms"})
    void truncatedStubIsAnsweredWithInvalidDataLikeVlmcsd(String name) {
        Vector v = Vectors.load(name);
        List<SessionReply> replies = feedClientPdus(v, sessionFor(v, connection(v, 1), r -> {
            throw new AssertionError("a stub that does not unwrap never reaches the operation");
        }));
        assertThat(replies.get(1).close()).isFalse();
        assertThat(replies.get(1).replies()).extracting(PduCodec::encode)
                .containsExactly(capturedServerPdu("bad-truncated-request-vlmcsd", "response"));
    }

    /**
     * As vlmcsd (same bytes) once the KMS layer refuses the version with 0x8007000D, which is its job; py-kms
     * crashed and closed. The RPC layer must carry the HRESULT in a RESPONSE with a NULL pointer.
     */
    @ParameterizedTest
    @ValueSource(strings = {"bad-unsupported-version-3-pykms", "bad-unsupported-version-7-pykms"})
    void unsupportedVersionRefusedByTheOperationTravelsAsHresultLikeVlmcsd(String name) {
        Vector v = Vectors.load(name);
        List<SessionReply> replies = feedClientPdus(v, sessionFor(v, connection(v, 1),
                r -> OperationReply.error(MalformedWireException.HRESULT_INVALID_DATA)));
        String twin = name.replace("-pykms", "-vlmcsd");
        assertThat(replies.get(1).replies()).extracting(PduCodec::encode)
                .containsExactly(capturedServerPdu(twin, "response"));
    }

    /**
     * Half a REQUEST: the framer (which waits for frag_length bytes, as vlmcsd does) never completes it; handed
     * over as it is, the session closes without answering, which is what both servers ended up doing.
     */
    @ParameterizedTest
    @ValueSource(strings = {"bad-truncated-stream-vlmcsd", "bad-truncated-stream-pykms"})
    void halfARequestIsNeverAnswered(String name) {
        Vector v = Vectors.load(name);
        Exchange partial = v.exchanges().stream().filter(Exchange::incomplete).findFirst().orElseThrow();
        assertThat(PduCodec.fragLength(partial.bytes().toArray(), 0)).isGreaterThan(partial.bytes().length());
        List<SessionReply> replies = feedClientPdus(v, sessionFor(v, connection(v, 1), r -> {
            throw new AssertionError("never called");
        }));
        assertThat(replies.get(0).replies()).hasSize(1);
        assertThat(replies.get(1)).isEqualTo(new SessionReply(List.of(), CloseReason.MALFORMED_PDU));
    }
}
