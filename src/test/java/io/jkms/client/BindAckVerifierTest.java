package io.jkms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jkms.rpc.PduCodecGoldenTest;
import io.jkms.rpc.BindAckPdu;
import io.jkms.rpc.BindNakPdu;
import io.jkms.rpc.BindPdu;
import io.jkms.rpc.ContextResult;
import io.jkms.rpc.Pdu;
import io.jkms.rpc.PduCodec;
import io.jkms.rpc.PduType;
import io.jkms.rpc.SyntaxId;
import io.jkms.rpc.Syntaxes;
import io.jkms.testing.Vectors;
import io.jkms.testing.Vectors.Exchange;
import io.jkms.testing.Vectors.Vector;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The client's BIND builder and the strict BIND_ACK/ALTER_CONTEXT_RESP check. */
class BindAckVerifierTest {
    static final BindPdu BIND = ClientBind.create(true, true, 2);
    static final BindAckPdu ACK = (BindAckPdu) PduCodec.decode(PduCodecGoldenTest.BIND_ACK);

    record Pair(String name, BindPdu sent, Pdu received) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Every captured bind or alter_context with the server's answer that follows it. */
    static List<Pair> capturedPairs() {
        List<Pair> pairs = new ArrayList<>();
        for (Vector v : Vectors.all()) {
            List<Exchange> ex = v.exchanges();
            for (int i = 0; i + 1 < ex.size(); i++) {
                if (("bind".equals(ex.get(i).pduType()) || "alter_context".equals(ex.get(i).pduType()))) {
                    Exchange answer = ex.stream().skip(i + 1).filter(e -> !e.eof() && !e.clientToServer())
                            .findFirst().orElseThrow();
                    pairs.add(new Pair(v.name() + "#" + i, (BindPdu) PduCodec.decode(ex.get(i).bytes()),
                            PduCodec.decode(answer.bytes())));
                }
            }
        }
        return pairs;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("capturedPairs")
    void acceptsEveryCapturedAnswerToItsBind(Pair pair) {
        NegotiatedContexts contexts = BindAckVerifier.verify(pair.sent(), pair.received());
        boolean ndr64Accepted = ((BindAckPdu) pair.received()).results().contains(ContextResult.accept(Syntaxes.NDR64));
        assertThat(contexts.ndr64Context().isPresent()).isEqualTo(ndr64Accepted);
        assertThat(contexts.ndr32Context().isPresent()).isNotEqualTo(ndr64Accepted);
    }

    @Test
    void workedExampleGivesNdr64OnContext1AndBtfn3ThenNdr32AfterTheAlter() {
        NegotiatedContexts bind = BindAckVerifier.verify(BIND, ACK);
        assertThat(bind).isEqualTo(new NegotiatedContexts(OptionalInt.empty(), OptionalInt.of(1), 3));
        NegotiatedContexts alter = BindAckVerifier.verify(ClientBind.alterToNdr32(2),
                PduCodec.decode(PduCodecGoldenTest.ALTER_RESP));
        assertThat(bind.then(alter)).isEqualTo(new NegotiatedContexts(OptionalInt.of(0), OptionalInt.of(1), 3));
    }

    @Test
    void clientBindIsByteForByteWhatVlmcsSends() {
        assertThat(PduCodec.encode(ClientBind.create(true, true, 2))).isEqualTo(clientPdu("v6-win10-pro-ndr64", 0));
        assertThat(PduCodec.encode(ClientBind.create(false, true, 2))).isEqualTo(clientPdu("v6-win10-pro-ndr32", 0));
        assertThat(PduCodec.encode(ClientBind.create(true, false, 2)))
                .isEqualTo(clientPdu("v6-win10-pro-ndr64-nobtfn", 0));
        assertThat(PduCodec.encode(ClientBind.create(false, false, 2)))
                .isEqualTo(clientPdu("v6-win10-pro-ndr32-nobtfn", 0));
        assertThat(PduCodec.encode(ClientBind.alterToNdr32(2))).isEqualTo(clientPdu("v6-win10-pro-ndr64", 2));
    }

    private static io.jkms.wire.Bytes clientPdu(String vector, int index) {
        return Vectors.load(vector).exchanges().get(index).bytes();
    }

    private static BindAckPdu mutate(UnaryOperator<List<ContextResult>> results) {
        return new BindAckPdu(ACK.type(), ACK.flags(), ACK.callId(), ACK.maxXmitFrag(), ACK.maxRecvFrag(),
                ACK.assocGroupId(), ACK.secondaryAddress(), results.apply(new ArrayList<>(ACK.results())));
    }

    private static BindAckPdu withResult(int index, ContextResult result) {
        return mutate(list -> {
            list.set(index, result);
            return list;
        });
    }

    private static void assertRejected(BindPdu sent, Pdu received, String field) {
        assertThatThrownBy(() -> BindAckVerifier.verify(sent, received))
                .isInstanceOfSatisfying(RpcVerificationException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(field, e.expected(), e.actual());
                });
    }

    @Test
    void rejectsAnotherPduType() {
        assertRejected(BIND, new BindNakPdu(3, 2, 0, List.of(0x500)), "PTYPE");
        assertRejected(BIND, PduCodec.decode(PduCodecGoldenTest.ALTER_RESP), "PTYPE");
    }

    @Test
    void rejectsAnotherCallIdButToleratesWinesOne() {
        BindAckPdu seven = new BindAckPdu(PduType.BIND_ACK, 0x13, 7, 5840, 5840, 1, "1688", ACK.results());
        assertRejected(BIND, seven, "call_id");
        BindAckPdu wine = new BindAckPdu(PduType.BIND_ACK, 0x13, 1, 5840, 5840, 1, "1688", ACK.results());
        assertThat(BindAckVerifier.verify(BIND, wine).ndr64Context()).hasValue(1);
    }

    @Test
    void rejectsConcMpxNotEchoed() {
        assertRejected(BIND, new BindAckPdu(PduType.BIND_ACK, 0x03, 2, 5840, 5840, 1, "1688", ACK.results()),
                "pfc_flags");
        BindPdu noMpx = new BindPdu(PduType.BIND, 0x03, 2, 5840, 5840, 0, BIND.items());
        assertRejected(noMpx, ACK, "pfc_flags");
    }

    @Test
    void rejectsConcMpxInAlterContextResp() {
        assertRejected(ClientBind.alterToNdr32(2), new BindAckPdu(PduType.ALTER_CONTEXT_RESP, 0x13, 2, 5840, 5840,
                1, "", List.of(ContextResult.accept(Syntaxes.NDR32))), "pfc_flags");
    }

    @Test
    void rejectsMissingFirstOrLastFlag() {
        assertRejected(BIND, new BindAckPdu(PduType.BIND_ACK, 0x11, 2, 5840, 5840, 1, "1688", ACK.results()),
                "pfc_flags");
    }

    @Test
    void rejectsAResultCountOtherThanTheItemCount() {
        assertRejected(BIND, mutate(list -> list.subList(0, 2)), "n_results");
    }

    @Test
    void rejectsAcceptanceWithANonZeroReason() {
        assertRejected(BIND, withResult(1, new ContextResult(0, 2, Syntaxes.NDR64)), "results[1].reason");
    }

    @Test
    void rejectsAcceptanceOfASyntaxThatWasNotOffered() {
        assertRejected(BIND, withResult(0, ContextResult.accept(Syntaxes.NDR64)), "results[0].transfer_syntax");
    }

    @Test
    void rejectsRejectionWithReasonOtherThan2() {
        assertRejected(BIND, withResult(0, ContextResult.reject(1)), "results[0].reason");
    }

    @Test
    void rejectsRejectionCarryingASyntax() {
        assertRejected(BIND, withResult(0, new ContextResult(2, 2, Syntaxes.NDR32)), "results[0].transfer_syntax");
    }

    @Test
    void rejectsNegotiateAckForAnNdrItem() {
        assertRejected(BIND, withResult(0, ContextResult.negotiateAck(3)), "results[0].result");
    }

    @Test
    void rejectsAcceptanceOfTheBtfnItem() {
        assertRejected(BIND, withResult(2, ContextResult.accept(Syntaxes.btfn(3))), "results[2].result");
    }

    @Test
    void rejectsBtfnFeaturesThatWereNotOffered() {
        assertRejected(BIND, withResult(2, ContextResult.negotiateAck(7)), "results[2].reason");
    }

    @Test
    void rejectsNegotiateAckCarryingASyntax() {
        assertRejected(BIND, withResult(2, new ContextResult(3, 3, Syntaxes.NDR32)), "results[2].transfer_syntax");
    }

    @Test
    void rejectsUserRejectionAndUnknownResults() {
        assertRejected(BIND, withResult(0, new ContextResult(1, 2, SyntaxId.NONE)), "results[0].result");
        assertRejected(BIND, withResult(0, new ContextResult(9, 2, SyntaxId.NONE)), "results[0].result");
    }

    @Test
    void rejectsAnAnswerAcceptingNeitherNdr32NorNdr64() {
        assertRejected(BIND, withResult(1, ContextResult.reject(2)), "results");
    }

    @Test
    void acceptsAHostWithoutBtfn() {
        assertThat(BindAckVerifier.verify(BIND, withResult(2, ContextResult.reject(2))).btfnFeatures()).isZero();
    }
}
