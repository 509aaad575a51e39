package io.jkms.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.client.ClientBind;
import io.jkms.wire.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Behaviour of the host state machine beyond what the captures show. */
public class RpcSessionTest {
    public static final Bytes KMS_REQUEST = Bytes.fromHex("00000600").concat(Bytes.zeros(256));
    static final Bytes KMS_RESPONSE = Bytes.fromHex("00000600").concat(Bytes.zeros(263));
    static final SyntaxId FOREIGN = new SyntaxId(UUID.fromString("12345778-1234-abcd-ef00-0123456789ab"), 1);

    final List<Bytes> calls = new ArrayList<>();
    RpcSession session = session(RpcSettings.defaults());

    RpcSession session(RpcSettings settings) {
        return new RpcSession(settings, "1688", 0x5E6F7A8BL, request -> {
            calls.add(request);
            return OperationReply.success(KMS_RESPONSE);
        });
    }

    static BindPdu bind(int flags, ContextItem... items) {
        return new BindPdu(PduType.BIND, flags, 2, 5840, 5840, 0, List.of(items));
    }

    static ContextItem kms(int id, SyntaxId syntax) {
        return ContextItem.of(id, Syntaxes.KMS_INTERFACE, syntax);
    }

    BindAckPdu ack(Pdu pdu) {
        SessionReply reply = session.onPdu(pdu);
        assertThat(reply.close()).isFalse();
        assertThat(reply.replies()).hasSize(1);
        return (BindAckPdu) reply.replies().get(0);
    }

    static RequestPdu request(int callId, int contextId, TransferSyntax syntax) {
        return RequestPdu.of(callId, contextId, NdrCodec.encodeRequestStub(syntax, KMS_REQUEST));
    }

    @Test
    void ndr64IsPreferredWhateverTheItemOrder() {
        BindAckPdu ack = ack(bind(0x13, ContextItem.of(5, Syntaxes.KMS_INTERFACE, Syntaxes.btfn(3)),
                kms(4, Syntaxes.NDR64), kms(3, Syntaxes.NDR32)));
        assertThat(ack.results()).containsExactly(ContextResult.negotiateAck(3), ContextResult.accept(Syntaxes.NDR64),
                ContextResult.reject(2));
        assertThat(ack.flags()).isEqualTo(0x13);
        assertThat(ack.secondaryAddress()).isEqualTo("1688");
        assertThat(ack.assocGroupId()).isEqualTo(0x5E6F7A8BL);
    }

    @Test
    void ndr32IsAcceptedWhenNdr64IsDisabled() {
        session = session(RpcSettings.defaults().withNdr64(false));
        assertThat(ack(bind(3, kms(0, Syntaxes.NDR32), kms(1, Syntaxes.NDR64))).results())
                .containsExactly(ContextResult.accept(Syntaxes.NDR32), ContextResult.reject(2));
    }

    @Test
    void itemWithSeveralTransferSyntaxesGetsThePreferredOne() {
        BindAckPdu ack = ack(bind(3, new ContextItem(0, Syntaxes.KMS_INTERFACE,
                List.of(Syntaxes.NDR32, FOREIGN, Syntaxes.NDR64))));
        assertThat(ack.results()).containsExactly(ContextResult.accept(Syntaxes.NDR64));
    }

    @Test
    void concMpxIsEchoedOnlyWhenTheClientSetIt() {
        assertThat(ack(bind(0x03, kms(0, Syntaxes.NDR32))).flags()).isEqualTo(0x03);
    }

    @Test
    void foreignInterfaceOrInterfaceVersionOtherThan1_0IsRejectedWithReason1() {
        BindAckPdu ack = ack(bind(3, ContextItem.of(0, FOREIGN, Syntaxes.NDR32),
                ContextItem.of(1, new SyntaxId(Syntaxes.KMS_INTERFACE.uuid(), 0x0001_0001L), Syntaxes.NDR32),
                kms(2, FOREIGN)));
        assertThat(ack.results()).containsExactly(ContextResult.reject(1), ContextResult.reject(1),
                ContextResult.reject(2));
    }

    @Test
    void btfnDisabledRejectsTheBtfnItemAndAckGrantsOnlyKnownFeatures() {
        assertThat(ack(bind(3, kms(0, Syntaxes.NDR32), kms(1, Syntaxes.btfn(0xFF)))).results().get(1))
                .isEqualTo(ContextResult.negotiateAck(3));
        session = session(RpcSettings.defaults().withBtfn(false));
        assertThat(ack(bind(3, kms(0, Syntaxes.NDR32), kms(1, Syntaxes.btfn(3)))).results().get(1))
                .isEqualTo(ContextResult.reject(2));
    }

    @Test
    void alterContextRespHasFlags03AndNoSecondaryAddressButTheSameAssocGroup() {
        ack(bind(0x13, kms(0, Syntaxes.NDR32), kms(1, Syntaxes.NDR64)));
        BindAckPdu resp = ack(ClientBind.alterToNdr32(2));
        assertThat(resp).isEqualTo(new BindAckPdu(PduType.ALTER_CONTEXT_RESP, 3, 2, 5840, 5840, 0x5E6F7A8BL, "",
                List.of(ContextResult.accept(Syntaxes.NDR32))));
    }

    @Test
    void fragmentSizesAreTheMinimumOfTheClientsAndOurs() {
        BindAckPdu ack = ack(new BindPdu(PduType.BIND, 3, 2, 9000, 2000, 0, List.of(kms(0, Syntaxes.NDR32))));
        assertThat(ack.maxXmitFrag()).isEqualTo(2000);
        assertThat(ack.maxRecvFrag()).isEqualTo(5840);
    }

    @Test
    void requestOnAnAcceptedContextReachesTheOperationInItsSyntax() {
        ack(bind(0x13, kms(0, Syntaxes.NDR32), kms(1, Syntaxes.NDR64)));
        ack(ClientBind.alterToNdr32(2));
        for (TransferSyntax syntax : TransferSyntax.values()) {
            int context = syntax == TransferSyntax.NDR32 ? 0 : 1;
            SessionReply reply = session.onPdu(request(9, context, syntax));
            Bytes stub = NdrCodec.encodeResponseStub(syntax, KMS_RESPONSE);
            assertThat(reply).isEqualTo(new SessionReply(List.of(new ResponsePdu(3, 9, stub.length(), context, 0,
                    stub)), CloseReason.NONE));
        }
        assertThat(calls).containsExactly(KMS_REQUEST, KMS_REQUEST);
    }

    /** vlmcsd serves NDR32 on the context it rejected; we answer nca_s_unk_if and keep the connection. */
    @Test
    void requestOnARejectedContextGetsFaultUnknownInterface() {
        ack(bind(0x13, kms(0, Syntaxes.NDR32), kms(1, Syntaxes.NDR64)));
        assertThat(session.onPdu(request(4, 0, TransferSyntax.NDR32)))
                .isEqualTo(new SessionReply(List.of(new FaultPdu(0x23, 4, 32, 0, 0, 0x1C010003L)),
                        CloseReason.NONE));
        assertThat(calls).isEmpty();
    }

    @Test
    void opnumOtherThanZeroGetsFaultOpRangeError() {
        ack(bind(3, kms(0, Syntaxes.NDR32)));
        RequestPdu r = request(4, 0, TransferSyntax.NDR32);
        RequestPdu opnum1 = new RequestPdu(3, 4, r.allocHint(), 0, 1, Optional.empty(), r.stub());
        assertThat(session.onPdu(opnum1).replies()).containsExactly(new FaultPdu(0x23, 4, 32, 0, 0, 0x1C010002L));
    }

    @Test
    void stubThatDoesNotUnwrapGetsInvalidDataInARegularResponse() {
        ack(bind(3, kms(0, Syntaxes.NDR32)));
        for (String stub : List.of("0400000005000000" + "00000600", "0300000003000000000006", "04000000040000")) {
            SessionReply reply = session.onPdu(RequestPdu.of(6, 0, Bytes.fromHex(stub)));
            assertThat(reply.replies()).as(stub).containsExactly(
                    new ResponsePdu(3, 6, 12, 0, 0, Bytes.fromHex("00000000000000000d000780")));
            assertThat(reply.close()).isFalse();
        }
    }

    @Test
    void operationErrorTravelsAsHresultAndRpcFaultAsFault() {
        session = new RpcSession(RpcSettings.defaults(), "1688", 1, r -> OperationReply.error(0xC004F042));
        ack(bind(3, kms(0, Syntaxes.NDR32)));
        assertThat(session.onPdu(request(2, 0, TransferSyntax.NDR32)).replies())
                .containsExactly(new ResponsePdu(3, 2, 12, 0, 0, Bytes.fromHex("000000000000000042f004c0")));
        session = new RpcSession(RpcSettings.defaults(), "1688", 1, r -> {
            throw new RpcFaultException(RpcFaultException.NCA_PROTO_ERROR);
        });
        ack(bind(3, kms(0, Syntaxes.NDR32)));
        assertThat(session.onPdu(request(2, 0, TransferSyntax.NDR32)).replies())
                .containsExactly(new FaultPdu(0x23, 2, 32, 0, 0, 0x1C01000BL));
    }

    @Test
    void responseLargerThanTheClientsMaxRecvFragIsSplitIntoFragments() {
        Bytes large = Bytes.fromHex("00000600").concat(Bytes.zeros(3000)); // no KMS answer is this long
        session = new RpcSession(RpcSettings.defaults(), "1688", 1, r -> OperationReply.success(large));
        ack(new BindPdu(PduType.BIND, 3, 2, 5840, 1500, 0, List.of(kms(0, Syntaxes.NDR32))));
        List<Pdu> fragments = session.onPdu(request(3, 0, TransferSyntax.NDR32)).replies();
        Bytes whole = NdrCodec.encodeResponseStub(TransferSyntax.NDR32, large);
        int chunk = (1500 - 24) & ~7;
        assertThat(fragments).hasSize((whole.length() + chunk - 1) / chunk);
        Bytes joined = Bytes.EMPTY;
        for (int i = 0; i < fragments.size(); i++) {
            ResponsePdu f = (ResponsePdu) fragments.get(i);
            assertThat(PduCodec.encode(f).length()).isLessThanOrEqualTo(1500);
            assertThat(f.flags()).isEqualTo((i == 0 ? 1 : 0) | (i == fragments.size() - 1 ? 2 : 0));
            assertThat(f.allocHint()).isEqualTo(whole.length() - joined.length());
            assertThat(f.callId()).isEqualTo(3);
            joined = joined.concat(f.stub());
        }
        assertThat(joined).isEqualTo(whole);
    }

    @Test
    void requestInSeveralFragmentsIsReassembled() {
        ack(bind(3, kms(0, Syntaxes.NDR32)));
        Bytes stub = request(8, 0, TransferSyntax.NDR32).stub();
        assertThat(session.onPdu(fragment(1, 8, stub.slice(0, 100))))
                .isEqualTo(new SessionReply(List.of(), CloseReason.NONE));
        assertThat(session.onPdu(fragment(0, 8, stub.slice(100, 200))).replies()).isEmpty();
        assertThat(session.onPdu(fragment(2, 8, stub.slice(200, stub.length()))).replies()).hasSize(1);
        assertThat(calls).containsExactly(KMS_REQUEST);
    }

    static RequestPdu fragment(int flags, int callId, Bytes stub) {
        return new RequestPdu(flags, callId, stub.length(), 0, 0, Optional.empty(), stub);
    }

    @Test
    void fragmentsOutOfSequenceOrOverTheLimitsClose() {
        Bytes part = Bytes.zeros(64);
        CloseReason sequence = CloseReason.FRAGMENT_SEQUENCE;
        assertClosesAfterBind(RpcSettings.defaults(), sequence, fragment(2, 8, part));
        assertClosesAfterBind(RpcSettings.defaults(), sequence, fragment(1, 8, part), fragment(1, 8, part));
        assertClosesAfterBind(RpcSettings.defaults(), sequence, fragment(1, 8, part), fragment(2, 9, part));
        RpcSettings two = new RpcSettings(true, true, 5840, 8, 2, 4096);
        CloseReason tooLarge = CloseReason.REQUEST_TOO_LARGE;
        assertClosesAfterBind(two, tooLarge, fragment(1, 8, part), fragment(0, 8, part), fragment(2, 8, part));
        RpcSettings small = new RpcSettings(true, true, 5840, 8, 4, 100);
        assertClosesAfterBind(small, tooLarge, fragment(1, 8, part), fragment(2, 8, part));
        assertClosesAfterBind(small, tooLarge, fragment(3, 8, Bytes.zeros(101)));
    }

    void assertClosesAfterBind(RpcSettings settings, CloseReason reason, RequestPdu... fragments) {
        session = session(settings);
        ack(bind(3, kms(0, Syntaxes.NDR32)));
        SessionReply last = null;
        for (RequestPdu f : fragments) {
            last = session.onPdu(f);
        }
        assertThat(last).isEqualTo(new SessionReply(List.of(), reason));
        assertThat(session.onPdu(request(1, 0, TransferSyntax.NDR32)).closeReason())
                .as("stays closed, for the same reason").isEqualTo(reason);
    }

    @Test
    void bindWithUnsupportedRpcVersionGetsBindNakReason4ThenClose() {
        byte[] bind = PduCodec.encode(bind(3, kms(0, Syntaxes.NDR32))).toArray();
        bind[0] = 4;
        assertThat(session.onFragment(Bytes.of(bind))).isEqualTo(new SessionReply(List.of(
                new BindNakPdu(3, 2, 4, List.of(0x0500))), CloseReason.UNSUPPORTED_VERSION));
    }

    @Test
    void otherPduWithUnsupportedRpcVersionCloses() {
        byte[] request = PduCodec.encode(request(2, 0, TransferSyntax.NDR32)).toArray();
        request[1] = 2;
        assertThat(session.onFragment(Bytes.of(request)))
                .isEqualTo(new SessionReply(List.of(), CloseReason.UNSUPPORTED_VERSION));
    }

    @Test
    void bindWithoutItemsOrWithTooManyGetsBindNakThenClose() {
        assertThat(session.onPdu(bind(3))).isEqualTo(new SessionReply(List.of(new BindNakPdu(3, 2, 0,
                List.of(0x0500))), CloseReason.BIND_REFUSED));
        session = session(RpcSettings.defaults());
        ContextItem[] nine = new ContextItem[9];
        for (int i = 0; i < nine.length; i++) {
            nine[i] = kms(i, Syntaxes.NDR32);
        }
        assertThat(session.onPdu(bind(3, nine))).isEqualTo(new SessionReply(List.of(new BindNakPdu(3, 2, 2,
                List.of(0x0500))), CloseReason.BIND_REFUSED));
    }

    @Test
    void alterContextWithoutItemsCloses() {
        assertThat(session.onPdu(new BindPdu(PduType.ALTER_CONTEXT, 3, 2, 5840, 5840, 0, List.of())))
                .isEqualTo(new SessionReply(List.of(), CloseReason.BIND_REFUSED));
    }

    /**
     * Issue 10: 32-byte fragments made every answer 20-odd PDUs for a reader that never reads. Like Windows (whose
     * floor Samba measured at 2048 on Server 2012 R2) the host raises a smaller size instead of refusing the bind,
     * here to DCE's MustRecvFragSize, which every DCE receiver must accept.
     */
    @Test
    void maxFragBelowDcesMinimumIsRaisedToItAndAnswersStayWhole() {
        for (int tiny : new int[] {0, 31, 32, 1431}) {
            session = session(RpcSettings.defaults());
            BindAckPdu ack = ack(new BindPdu(PduType.BIND, 3, 2, tiny, tiny, 0, List.of(kms(0, Syntaxes.NDR32))));
            assertThat(ack.maxXmitFrag()).as("max_xmit_frag for %d", tiny).isEqualTo(RpcSettings.MIN_FRAG_LENGTH);
            assertThat(ack.maxRecvFrag()).as("max_recv_frag for %d", tiny).isEqualTo(RpcSettings.MIN_FRAG_LENGTH);
            List<Pdu> replies = session.onPdu(request(3, 0, TransferSyntax.NDR32)).replies();
            assertThat(replies).hasSize(1);
            assertThat(((ResponsePdu) replies.get(0)).flags()).isEqualTo(Pdu.PFC_FIRST_AND_LAST);
        }
    }

    @Test
    void undecodableFragmentsOversizedFragmentsAndHostOnlyPdusClose() {
        Bytes good = PduCodec.encode(bind(3, kms(0, Syntaxes.NDR32)));
        byte[] bigEndian = good.toArray();
        bigEndian[4] = 0x00;
        assertThat(session(RpcSettings.defaults()).onFragment(Bytes.of(bigEndian)).closeReason())
                .isEqualTo(CloseReason.MALFORMED_PDU);
        byte[] auth = good.toArray();
        auth[10] = 8;
        assertThat(session(RpcSettings.defaults()).onFragment(Bytes.of(auth)).closeReason())
                .isEqualTo(CloseReason.MALFORMED_PDU);
        byte[] shutdown = good.toArray();
        shutdown[2] = 17;
        assertThat(session(RpcSettings.defaults()).onFragment(Bytes.of(shutdown)).closeReason())
                .isEqualTo(CloseReason.MALFORMED_PDU);
        Bytes huge = PduCodec.encode(RequestPdu.of(2, 0, Bytes.zeros(5840)));
        assertThat(session(RpcSettings.defaults()).onFragment(huge).closeReason())
                .isEqualTo(CloseReason.FRAGMENT_TOO_LARGE);
        assertThat(session(RpcSettings.defaults()).onPdu(new FaultPdu(3, 2, 0, 0, 0, 1)).closeReason())
                .isEqualTo(CloseReason.UNEXPECTED_PDU);
        assertThat(session(RpcSettings.defaults()).onFragment(good).close()).as("control").isFalse();
    }

    @Test
    void contextsBeyondTheTableAreRejectedAsLocalLimit() {
        for (int i = 0; i < ContextTable.CAPACITY; i++) {
            assertThat(ack(new BindPdu(PduType.ALTER_CONTEXT, 3, 2, 5840, 5840, 0, List.of(kms(i,
                    Syntaxes.NDR32)))).results()).containsExactly(ContextResult.accept(Syntaxes.NDR32));
        }
        assertThat(ack(new BindPdu(PduType.ALTER_CONTEXT, 3, 2, 5840, 5840, 0, List.of(kms(99,
                Syntaxes.NDR32)))).results()).containsExactly(ContextResult.reject(3));
        assertThat(ack(new BindPdu(PduType.ALTER_CONTEXT, 3, 2, 5840, 5840, 0, List.of(kms(0,
                Syntaxes.NDR64)))).results()).as("re-negotiating a known id still works")
                .containsExactly(ContextResult.accept(Syntaxes.NDR64));
    }
}
