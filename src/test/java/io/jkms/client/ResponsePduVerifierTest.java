package io.jkms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jkms.rpc.PduCodecGoldenTest;
import io.jkms.rpc.RpcSessionTest;
import io.jkms.rpc.FaultPdu;
import io.jkms.rpc.NdrCodec;
import io.jkms.rpc.Pdu;
import io.jkms.rpc.PduCodec;
import io.jkms.rpc.RequestPdu;
import io.jkms.rpc.ResponsePdu;
import io.jkms.rpc.RpcFaultException;
import io.jkms.rpc.TransferSyntax;
import io.jkms.testing.Vectors;
import io.jkms.testing.Vectors.Exchange;
import io.jkms.testing.Vectors.Vector;
import io.jkms.wire.Bytes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The client's check of a host's answer to a REQUEST. */
class ResponsePduVerifierTest {
    static final RequestPdu REQUEST = RequestPdu.of(5, 0, NdrCodec.encodeRequestStub(TransferSyntax.NDR32,
            RpcSessionTest.KMS_REQUEST));
    static final Bytes STUB = Bytes.fromHex("00000000000000000d000780");

    record Pair(String name, RequestPdu sent, Pdu received) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Every captured response or fault with the request it answers. */
    static List<Pair> capturedPairs() {
        List<Pair> pairs = new ArrayList<>();
        for (Vector v : Vectors.all()) {
            RequestPdu request = null;
            for (Exchange e : v.exchanges()) {
                if ("request".equals(e.pduType()) && !e.incomplete()) {
                    request = (RequestPdu) PduCodec.decode(e.bytes());
                } else if ("response".equals(e.pduType()) || "fault".equals(e.pduType())) {
                    pairs.add(new Pair(v.name() + "#" + v.exchanges().indexOf(e), request, PduCodec.decode(e.bytes())));
                }
            }
        }
        return pairs;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("capturedPairs")
    void acceptsEveryCapturedResponseAndFaultsOnlyAsFault(Pair pair) {
        if (pair.received() instanceof FaultPdu) {
            assertThatThrownBy(() -> ResponsePduVerifier.verify(pair.sent(), pair.received()))
                    .isInstanceOfSatisfying(RpcFaultReceivedException.class,
                            e -> assertThat(e.status()).isEqualTo(RpcFaultException.NCA_UNK_IF));
        } else {
            assertThat(ResponsePduVerifier.verify(pair.sent(), pair.received()))
                    .isEqualTo(((ResponsePdu) pair.received()).stub());
        }
    }

    @Test
    void returnsTheStubOfAGoodResponse() {
        assertThat(ResponsePduVerifier.verify(REQUEST, new ResponsePdu(3, 5, 12, 0, 0, STUB))).isEqualTo(STUB);
        assertThat(ResponsePduVerifier.verify(REQUEST, new ResponsePdu(3, 1, 12, 0, 0, STUB))).as("Wine").isEqualTo(STUB);
    }

    private static void assertRejected(Pdu received, String field) {
        assertThatThrownBy(() -> ResponsePduVerifier.verify(REQUEST, received))
                .isInstanceOfSatisfying(RpcVerificationException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void rejectsAnotherPduType() {
        assertRejected(PduCodec.decode(PduCodecGoldenTest.BIND_ACK), "PTYPE");
    }

    @Test
    void rejectsAnotherCallId() {
        assertRejected(new ResponsePdu(3, 6, 12, 0, 0, STUB), "call_id");
    }

    @Test
    void rejectsFlagsOtherThanFirstAndLast() {
        assertRejected(new ResponsePdu(0x13, 5, 12, 0, 0, STUB), "pfc_flags");
        assertRejected(new ResponsePdu(0x01, 5, 12, 0, 0, STUB), "pfc_flags");
    }

    @Test
    void rejectsAnotherContextId() {
        assertRejected(new ResponsePdu(3, 5, 12, 1, 0, STUB), "p_cont_id");
    }

    @Test
    void rejectsANonZeroCancelCount() {
        assertRejected(new ResponsePdu(3, 5, 12, 0, 1, STUB), "cancel_count");
    }

    @Test
    void rejectsAnAllocHintOtherThanTheStubLength() {
        assertRejected(new ResponsePdu(3, 5, 32, 0, 0, STUB), "alloc_hint");
    }

    @Test
    void faultBecomesATypedExceptionWithItsStatus() {
        assertThatThrownBy(() -> ResponsePduVerifier.verify(REQUEST, new FaultPdu(0x23, 2, 32, 0, 0, 0x1C010002L)))
                .isInstanceOfSatisfying(RpcFaultReceivedException.class, e -> {
                    assertThat(e.status()).isEqualTo(0x1C010002L);
                    assertThat(e.callId()).isEqualTo(2);
                });
    }
}
