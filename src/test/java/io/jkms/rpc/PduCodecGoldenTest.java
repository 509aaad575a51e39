package io.jkms.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.wire.Bytes;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden bytes both ways: the worked example of spec §9.1/§3.4/§3.6 and every captured PDU. */
public class PduCodecGoldenTest {
    static final String KMS = "7521c8514e845047b0d8ec255555bc06" + "01000000";
    static final String NDR32 = "045d888aeb1cc9119fe808002b104860" + "02000000";
    static final String NDR64 = "33057171babe37498319b5dbef9ccc36" + "01000000";
    static final String BTFN3 = "2c1cb76c129840450300000000000000" + "01000000";
    static final String ZERO_SYNTAX = "00".repeat(20);

    static final Bytes BIND = hex("05000b1310000000a000000002000000" + "d016d0160000000003000000"
            + "00000100" + KMS + NDR32 + "01000100" + KMS + NDR64 + "02000100" + KMS + BTFN3);
    public static final Bytes BIND_ACK = hex("05000c13100000006c00000002000000" + "d016d0168b7a6f5e"
            + "0500313638380000" + "03000000" + "02000200" + ZERO_SYNTAX + "00000000" + NDR64
            + "03000300" + ZERO_SYNTAX);
    static final Bytes ALTER = hex("05000e13100000004800000002000000" + "d016d0160000000001000000"
            + "00000100" + KMS + NDR32);
    public static final Bytes ALTER_RESP = hex("05000f03100000003800000002000000" + "d016d0168b7a6f5e" + "00000000"
            + "01000000" + "00000000" + NDR32);
    static final Bytes ERROR_RESPONSE = hex("05000203100000002400000005000000" + "0c00000000000000"
            + "00000000000000000d000780");
    static final Bytes VLMCSD_FAULT = hex("05000323100000002000000002000000" + "2000000000000000"
            + "0300011c00000000");
    static final Bytes BIND_NAK = hex("05000d03100000001500000007000000" + "0400" + "01" + "0500");

    static Bytes hex(String hex) {
        return Bytes.fromHex(hex);
    }

    static BindPdu expectedBind() {
        return new BindPdu(PduType.BIND, 0x13, 2, 5840, 5840, 0, List.of(
                ContextItem.of(0, Syntaxes.KMS_INTERFACE, Syntaxes.NDR32),
                ContextItem.of(1, Syntaxes.KMS_INTERFACE, Syntaxes.NDR64),
                ContextItem.of(2, Syntaxes.KMS_INTERFACE, Syntaxes.btfn(3))));
    }

    static void assertGolden(Bytes golden, Pdu record) {
        assertThat(PduCodec.decode(golden)).isEqualTo(record);
        assertThat(PduCodec.encode(record)).isEqualTo(golden);
    }

    @Test
    void bindOfTheWorkedExample() {
        assertGolden(BIND, expectedBind());
    }

    @Test
    void bindAckOfTheWorkedExample() {
        assertGolden(BIND_ACK, new BindAckPdu(PduType.BIND_ACK, 0x13, 2, 5840, 5840, 0x5E6F7A8BL, "1688", List.of(
                ContextResult.reject(ContextResult.REASON_TRANSFER_SYNTAXES_NOT_SUPPORTED),
                ContextResult.accept(Syntaxes.NDR64), ContextResult.negotiateAck(3))));
    }

    @Test
    void alterContextAndItsAnswerOfTheWorkedExample() {
        assertGolden(ALTER, new BindPdu(PduType.ALTER_CONTEXT, 0x13, 2, 5840, 5840, 0,
                List.of(ContextItem.of(0, Syntaxes.KMS_INTERFACE, Syntaxes.NDR32))));
        assertGolden(ALTER_RESP, new BindAckPdu(PduType.ALTER_CONTEXT_RESP, 0x03, 2, 5840, 5840, 0x5E6F7A8BL, "",
                List.of(ContextResult.accept(Syntaxes.NDR32))));
    }

    @Test
    void requestOfTheWorkedExampleKeepsItsHeaderAndStub() {
        Bytes stub = hex("0401000004010000").concat(Bytes.zeros(260));
        Bytes golden = hex("05000003100000002401000002000000" + "0c01000000000000").concat(stub);
        assertGolden(golden, new RequestPdu(3, 2, 268, 0, 0, Optional.empty(), stub));
        assertThat(RequestPdu.of(2, 0, stub)).isEqualTo(PduCodec.decode(golden));
    }

    @Test
    void requestWithObjectUuidCarriesItBeforeTheStub() {
        java.util.UUID object = java.util.UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
        Bytes golden = hex("05000083100000002c00000009000000" + "0400000001000000"
                + "33221100554477668899aabbccddeeff" + "deadbeef");
        assertGolden(golden, new RequestPdu(0x83, 9, 4, 1, 0, Optional.of(object), hex("deadbeef")));
    }

    @Test
    void responseOfTheWorkedExample() {
        Bytes stub = hex("0401000000000200" + "04010000").concat(Bytes.zeros(264));
        Bytes golden = hex("05000203100000002c01000002000000" + "1401000000000000").concat(stub);
        assertGolden(golden, new ResponsePdu(3, 2, 276, 0, 0, stub));
    }

    @Test
    void errorResponseOfSection3_4() {
        assertGolden(ERROR_RESPONSE, new ResponsePdu(3, 5, 12, 0, 0, hex("00000000000000000d000780")));
    }

    @Test
    void vlmcsdFaultOfSection3_6() {
        assertGolden(VLMCSD_FAULT, new FaultPdu(0x23, 2, 32, 0, 0, RpcFaultException.NCA_UNK_IF));
    }

    @Test
    void bindNakCarriesReasonAndVersions() {
        assertGolden(BIND_NAK, new BindNakPdu(3, 7, BindNakPdu.REASON_PROTOCOL_VERSION_NOT_SUPPORTED,
                List.of(BindNakPdu.VERSION_5_0)));
    }

    @Test
    void itemWithSeveralTransferSyntaxesTakes24Plus20nBytes() {
        Bytes golden = hex("05000b0310000000880000000400000000000000000000000200000000000200" + KMS + NDR32 + NDR64
                + "05000100" + KMS + NDR32);
        assertThat(golden.length()).isEqualTo(28 + 24 + 40 + 24 + 20);
        assertGolden(golden, new BindPdu(PduType.BIND, 3, 4, 0, 0, 0, List.of(
                new ContextItem(0, Syntaxes.KMS_INTERFACE, List.of(Syntaxes.NDR32, Syntaxes.NDR64)),
                ContextItem.of(5, Syntaxes.KMS_INTERFACE, Syntaxes.NDR32))));
    }

    @Test
    void rpcVersionMinorOneIsAccepted() {
        byte[] b = BIND.toArray();
        b[1] = 1;
        assertThat(PduCodec.decode(Bytes.of(b))).isEqualTo(expectedBind());
    }

    @Test
    void btfnSyntaxCarriesItsBitmaskInGuidBytes8And9() {
        SyntaxId btfn = Syntaxes.btfn(0x0103);
        assertThat(btfn.uuid().toString()).isEqualTo("6cb71c2c-9812-4540-0301-000000000000");
        assertThat(Syntaxes.isBtfn(btfn)).isTrue();
        assertThat(Syntaxes.btfnFeatures(btfn)).isEqualTo(0x0103);
        assertThat(Syntaxes.isBtfn(Syntaxes.NDR64)).isFalse();
    }

    @Test
    void pduTypeCodesRoundTrip() {
        for (PduType type : PduType.values()) {
            assertThat(PduType.of(type.code())).contains(type);
        }
        assertThat(PduType.of(16)).isEmpty();
        assertThat(PduType.of(-1)).isEmpty();
        assertThat(PduType.of(1)).isEmpty();
    }

    static List<Captured> captured() {
        return Captured.all();
    }

    /**
     * Every captured PDU decodes and re-encodes to the captured bytes. The one exception, handled narrowly:
     * vlmcsd's ALTER_CONTEXT_RESP carries two uninitialised padding bytes after its empty secondary address;
     * there our encoding must equal the capture with exactly those two bytes zeroed.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("captured")
    void everyCapturedPduRoundTrips(Captured pdu) {
        Pdu decoded = PduCodec.decode(pdu.bytes());
        assertThat(decoded.type().name().toLowerCase(java.util.Locale.ROOT)).isEqualTo(pdu.pduType());
        Bytes expected = pdu.hasUninitialisedPadding() ? Captured.zeroSecAddrPadding(pdu.bytes()) : pdu.bytes();
        assertThat(PduCodec.encode(decoded)).isEqualTo(expected);
    }

    @Test
    void vlmcsdAlterContextRespDiffersOnlyInItsPadding() {
        List<Captured> answers = Captured.ofType("alter_context_resp");
        assertThat(answers).isNotEmpty().allMatch(Captured::hasUninitialisedPadding);
        assertThat(answers).anyMatch(c -> !c.bytes().equals(Captured.zeroSecAddrPadding(c.bytes())));
    }

    @Test
    void capturesCoverEveryPduTypeAKmsExchangeUses() {
        assertThat(Captured.all()).extracting(c -> PduCodec.decode(c.bytes()).type()).contains(PduType.BIND,
                PduType.BIND_ACK, PduType.ALTER_CONTEXT, PduType.ALTER_CONTEXT_RESP, PduType.REQUEST,
                PduType.RESPONSE, PduType.FAULT);
    }
}
