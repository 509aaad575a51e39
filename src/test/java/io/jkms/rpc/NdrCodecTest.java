package io.jkms.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jkms.wire.Bytes;
import io.jkms.wire.MalformedWireException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The RequestActivation stubs: golden bytes (spec §3.2, §3.4, §9.1), every captured stub, hostile stubs. */
class NdrCodecTest {
    static final Bytes MESSAGE = Bytes.fromHex("00000600").concat(Bytes.zeros(256));
    static final Bytes ODD_MESSAGE = Bytes.fromHex("0000040001");

    @Test
    void requestStubsOfTheWorkedExample() {
        assertThat(NdrCodec.encodeRequestStub(TransferSyntax.NDR32, MESSAGE))
                .isEqualTo(Bytes.fromHex("0401000004010000").concat(MESSAGE));
        assertThat(NdrCodec.encodeRequestStub(TransferSyntax.NDR64, MESSAGE))
                .isEqualTo(Bytes.fromHex("04010000000000000401000000000000").concat(MESSAGE));
    }

    @Test
    void responseStubsPadToFourBytesBeforeTheZeroHresult() {
        assertThat(NdrCodec.encodeResponseStub(TransferSyntax.NDR32, ODD_MESSAGE))
                .isEqualTo(Bytes.fromHex("05000000" + "00000200" + "05000000" + "0000040001" + "000000" + "00000000"));
        assertThat(NdrCodec.encodeResponseStub(TransferSyntax.NDR64, ODD_MESSAGE)).isEqualTo(Bytes.fromHex(
                "0500000000000000" + "0000020000000000" + "0500000000000000" + "0000040001" + "000000" + "00000000"));
    }

    @Test
    void errorStubsCarryANullPointerAndTheHresult() {
        assertThat(NdrCodec.encodeErrorStub(TransferSyntax.NDR32, 0x8007000D))
                .isEqualTo(Bytes.fromHex("00000000000000000d000780"));
        assertThat(NdrCodec.encodeErrorStub(TransferSyntax.NDR64, 0xC004F042))
                .isEqualTo(Bytes.fromHex("000000000000000000000000000000" + "0042f004c0"));
    }

    @ParameterizedTest
    @EnumSource(TransferSyntax.class)
    void stubsRoundTrip(TransferSyntax syntax) {
        assertThat(NdrCodec.decodeRequestStub(syntax, NdrCodec.encodeRequestStub(syntax, MESSAGE))).isEqualTo(MESSAGE);
        assertThat(NdrCodec.decodeResponseStub(syntax, NdrCodec.encodeResponseStub(syntax, ODD_MESSAGE)))
                .isEqualTo(new ResponseStub(Optional.of(ODD_MESSAGE), 0));
        assertThat(NdrCodec.decodeResponseStub(syntax, NdrCodec.encodeErrorStub(syntax, 0xC004F06C)))
                .isEqualTo(new ResponseStub(Optional.empty(), 0xC004F06C));
    }

    static List<Captured> requests() {
        return Captured.ofType("request");
    }

    static List<Captured> responses() {
        return Captured.ofType("response");
    }

    static Bytes stub(Captured c) {
        Pdu pdu = PduCodec.decode(c.bytes());
        return pdu instanceof RequestPdu r ? r.stub() : ((ResponsePdu) pdu).stub();
    }

    /**
     * Every captured request stub that is well formed unwraps and re-wraps to the same bytes. Narrow exceptions:
     * the truncated ones (bad-truncated-request-*) do not unwrap; py-kms's client appends 4 zero bytes to a V4
     * request, which the host ignores like vlmcsd.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void everyCapturedRequestStubUnwrapsAndRewraps(Captured request) {
        Bytes stub = stub(request);
        if (request.vector().startsWith("bad-truncated-request")) {
            assertThatThrownBy(() -> NdrCodec.decodeRequestStub(request.ndr(), stub))
                    .isInstanceOf(MalformedWireException.class);
            return;
        }
        Bytes message = NdrCodec.decodeRequestStub(request.ndr(), stub);
        Bytes rewrapped = NdrCodec.encodeRequestStub(request.ndr(), message);
        if (request.vector().startsWith("pykmsclient-v4")) {
            assertThat(stub).isEqualTo(rewrapped.concat(Bytes.zeros(4)));
        } else {
            assertThat(rewrapped).isEqualTo(stub);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responses")
    void everyCapturedResponseStubPassesTheStrictDecoderAndReencodes(Captured response) {
        Bytes stub = stub(response);
        ResponseStub result = NdrCodec.decodeResponseStub(response.ndr(), stub);
        Bytes again = result.message().isPresent()
                ? NdrCodec.encodeResponseStub(response.ndr(), result.message().get())
                : NdrCodec.encodeErrorStub(response.ndr(), result.returnValue());
        assertThat(again).isEqualTo(stub);
        assertThat(result.returnValue() == 0).isEqualTo(result.message().isPresent());
    }

    @ParameterizedTest
    @EnumSource(TransferSyntax.class)
    void everyCutOfARequestStubIsMalformed(TransferSyntax syntax) {
        Bytes stub = NdrCodec.encodeRequestStub(syntax, MESSAGE);
        for (int cut = 0; cut < stub.length(); cut++) {
            Bytes prefix = stub.slice(0, cut);
            assertThatThrownBy(() -> NdrCodec.decodeRequestStub(syntax, prefix)).as("cut %d", cut)
                    .isInstanceOf(MalformedWireException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TransferSyntax.class)
    void everyCutOfAResponseStubIsMalformed(TransferSyntax syntax) {
        for (Bytes stub : List.of(NdrCodec.encodeResponseStub(syntax, ODD_MESSAGE),
                NdrCodec.encodeErrorStub(syntax, 0x8007000D))) {
            for (int cut = 0; cut < stub.length(); cut++) {
                Bytes prefix = stub.slice(0, cut);
                assertThatThrownBy(() -> NdrCodec.decodeResponseStub(syntax, prefix)).as("cut %d", cut)
                        .isInstanceOf(MalformedWireException.class);
            }
        }
    }

    @Test
    void requestStubRulesSizesCountAndPadding() {
        assertMalformedRequest(TransferSyntax.NDR32, "04000000" + "05000000" + "0000060000", "differs");
        assertMalformedRequest(TransferSyntax.NDR32, "03000000" + "03000000" + "000006", "max count 3");
        assertMalformedRequest(TransferSyntax.NDR32, "ffffffff" + "ffffffff" + "00000600", "max count 4294967295");
        assertMalformedRequest(TransferSyntax.NDR64, "04000000" + "01000000" + "0400000000000000" + "00000600",
                "padding");
        assertMalformedRequest(TransferSyntax.NDR64, "04000000" + "00000000" + "0400000001000000" + "00000600",
                "differs");
        assertMalformedRequest(TransferSyntax.NDR64, "ffffffff" + "00000000" + "ffffffff00000000" + "00000600",
                "max count");
    }

    private static void assertMalformedRequest(TransferSyntax syntax, String hex, String message) {
        assertThatThrownBy(() -> NdrCodec.decodeRequestStub(syntax, Bytes.fromHex(hex)))
                .isInstanceOf(MalformedWireException.class).hasMessageContaining(message);
    }

    @Test
    void responseStubRulesAreStrict() {
        String ok32 = "05000000" + "00000200" + "05000000" + "0000040001" + "000000" + "00000000";
        assertThat(NdrCodec.decodeResponseStub(TransferSyntax.NDR32, Bytes.fromHex(ok32)).message()).isPresent();
        assertMalformedResponse("05000000" + "00000200" + "06000000" + "0000040001" + "000000" + "00000000",
                "max count");
        assertMalformedResponse("05000000" + "00000200" + "05000000" + "0000040001" + "000100" + "00000000",
                "padding");
        assertMalformedResponse(ok32 + "00", "trailing");
        assertMalformedResponse("05000000" + "00000000" + "0d000780", "NULL");
        assertMalformedResponse("00000000" + "00000000" + "0d000780" + "00000000", "trailing");
        assertMalformedResponse("ffffffff" + "00000200" + "ffffffff" + "00", "max count");
        assertThatThrownBy(() -> NdrCodec.decodeResponseStub(TransferSyntax.NDR64,
                Bytes.fromHex("00000000" + "01000000" + "0000000000000000" + "0d000780")))
                .isInstanceOf(MalformedWireException.class).hasMessageContaining("padding");
        assertThatThrownBy(() -> NdrCodec.decodeResponseStub(TransferSyntax.NDR64, Bytes.fromHex(
                "05000000" + "00000000" + "0000020000000000" + "ffffffffffffffff" + "0000040001000000" + "00000000")))
                .isInstanceOf(MalformedWireException.class).hasMessageContaining("max count");
    }

    private static void assertMalformedResponse(String hex, String message) {
        assertThatThrownBy(() -> NdrCodec.decodeResponseStub(TransferSyntax.NDR32, Bytes.fromHex(hex)))
                .isInstanceOf(MalformedWireException.class).hasMessageContaining(message);
    }

    @Test
    void anyNonZeroReferentIsAcceptedByTheClient() {
        Bytes stub = Bytes.fromHex("04000000" + "04030201" + "04000000" + "00000400" + "00000000");
        assertThat(NdrCodec.decodeResponseStub(TransferSyntax.NDR32, stub).message())
                .contains(Bytes.fromHex("00000400"));
    }
}
