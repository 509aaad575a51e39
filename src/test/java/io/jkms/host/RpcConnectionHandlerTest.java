package io.jkms.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.activation.Refusal;
import io.jkms.rpc.BindAckPdu;
import io.jkms.rpc.BindNakPdu;
import io.jkms.rpc.BindPdu;
import io.jkms.rpc.ContextItem;
import io.jkms.rpc.FaultPdu;
import io.jkms.rpc.NdrCodec;
import io.jkms.rpc.Pdu;
import io.jkms.rpc.PduCodec;
import io.jkms.rpc.PduType;
import io.jkms.rpc.RequestPdu;
import io.jkms.rpc.ResponsePdu;
import io.jkms.rpc.ResponseStub;
import io.jkms.rpc.RpcFaultException;
import io.jkms.rpc.RpcSettings;
import io.jkms.rpc.Syntaxes;
import io.jkms.rpc.TransferSyntax;
import io.jkms.wire.Bytes;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A whole RPC connection in the host's pipeline on an EmbeddedChannel: answers, faults and why it closes. */
class RpcConnectionHandlerTest {
    private static final Bytes KMS_REQUEST = Bytes.zeros(236);
    private static final BindPdu BIND = new BindPdu(PduType.BIND, 3, 2, 5840, 5840, 0,
            List.of(ContextItem.of(0, Syntaxes.KMS_INTERFACE, Syntaxes.NDR32)));

    private static RequestPdu request(int callId, int contextId) {
        return RequestPdu.of(callId, contextId, NdrCodec.encodeRequestStub(TransferSyntax.NDR32, KMS_REQUEST));
    }

    private static byte[] stream(Pdu... pdus) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Pdu pdu : pdus) {
            out.writeBytes(PduCodec.encode(pdu).toArray());
        }
        return out.toByteArray();
    }

    @Test
    void aBindAndRequestsCoalescedInOneReadAreAnsweredInOrderAndTheConnectionStays() {
        PipelineFixture host = new PipelineFixture();
        host.send(stream(BIND, request(4, 0), request(5, 0)));
        List<Pdu> answers = host.answers();
        assertThat(answers).hasSize(3);
        BindAckPdu ack = (BindAckPdu) answers.get(0);
        assertThat(ack.secondaryAddress()).isEqualTo("1688");
        assertThat(ack.assocGroupId()).isEqualTo(0x1234);
        assertThat(answers.subList(1, 3)).extracting(Pdu::callId).containsExactly(4, 5);
        // Decoded as a client would: the stub carries the handler's response and a zero return value.
        assertThat(NdrCodec.decodeResponseStub(TransferSyntax.NDR32, ((ResponsePdu) answers.get(1)).stub()))
                .isEqualTo(new ResponseStub(java.util.Optional.of(PipelineFixture.KMS_RESPONSE), 0));
        assertThat(host.requests).containsExactly(KMS_REQUEST, KMS_REQUEST);
        assertThat(host.channel.isActive()).isTrue();
        assertThat(host.closeReason()).isEmpty();
        assertThat(host.problems).isEmpty();
    }

    @Test
    void aRequestSplitAcrossReadsAtEveryOffsetIsAnsweredOnce() {
        byte[] request = stream(request(4, 0));
        for (int cut = 1; cut < request.length; cut++) {
            PipelineFixture host = new PipelineFixture();
            host.send(BIND);
            host.send(request, 0, cut);
            assertThat(host.answers()).as("cut at %d", cut).hasSize(1);
            host.send(request, cut, request.length);
            assertThat(host.answers()).as("cut at %d", cut).hasSize(1).allMatch(ResponsePdu.class::isInstance);
        }
    }

    @Test
    void aRequestOnAnUnknownContextIsAFaultAndTheConnectionStays() {
        PipelineFixture host = new PipelineFixture();
        host.send(stream(BIND, request(4, 7)));
        List<Pdu> answers = host.answers();
        assertThat(answers.get(1)).isInstanceOfSatisfying(FaultPdu.class,
                f -> assertThat(f.status()).isEqualTo(RpcFaultException.NCA_UNK_IF));
        assertThat(host.problems).containsExactly("FAULT/nca_unk_if");
        assertThat(host.channel.isActive()).isTrue();
    }

    @Test
    void anUndecodablePduClosesWithoutAReplyForTheSessionsReason() {
        PipelineFixture host = new PipelineFixture();
        byte[] bind = stream(BIND);
        bind[2] = 17; // PTYPE shutdown: only a host sends it
        host.send(bind);
        assertThat(host.answers()).isEmpty();
        assertThat(host.channel.isActive()).isFalse();
        assertThat(host.closeReason()).hasValue(Refusal.RPC_CLOSE);
        assertThat(host.counters.get(Refusal.RPC_CLOSE)).isEqualTo(1);
        assertThat(host.problems).containsExactly("PROTOCOL_CLOSE/malformed_pdu");
    }

    @Test
    void aBindWithoutItemsIsAnsweredWithABindNakThenClosed() {
        PipelineFixture host = new PipelineFixture();
        host.send(new BindPdu(PduType.BIND, 3, 2, 5840, 5840, 0, List.of()));
        assertThat(host.answers()).hasSize(1).allMatch(BindNakPdu.class::isInstance);
        assertThat(host.channel.isActive()).isFalse();
        assertThat(host.closeReason()).hasValue(Refusal.RPC_CLOSE);
        assertThat(host.problems).as("told as a BIND_NAK, not also as a silent close")
                .containsExactly("BIND_NAK/not_specified");
    }

    @Test
    void aConnectionIsClosedAfterItsPduBudgetAndTheRestOfTheReadIsNotAnswered() {
        PipelineFixture host = new PipelineFixture(PipelineFixture.Timeouts.defaults(), RpcSettings.defaults(), 2,
                8192);
        host.send(stream(BIND, request(4, 0), request(5, 0), request(6, 0)));
        assertThat(host.answers()).hasSize(2);
        assertThat(host.channel.isActive()).isFalse();
        assertThat(host.closeReason()).hasValue(Refusal.TOO_MANY_PDUS);
        assertThat(host.counters.get(Refusal.TOO_MANY_PDUS)).isEqualTo(1);
        assertThat(host.requests).hasSize(1);
    }

    @Test
    void aPeerThatClosesLeavesNoReason() {
        PipelineFixture host = new PipelineFixture();
        host.send(stream(BIND, request(4, 0)));
        host.channel.close();
        assertThat(host.closeReason()).isEmpty();
        for (Refusal refusal : Refusal.values()) {
            assertThat(host.counters.get(refusal)).as(refusal.label()).isZero();
        }
    }
}
