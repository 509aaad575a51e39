package io.jkms.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jkms.wire.Bytes;
import io.jkms.wire.MalformedWireException;

/** Jazzer: arbitrary stubs into the NDR decoders, in both transfer syntaxes; seeds are captured stubs. */
class NdrCodecFuzzTest {
    @FuzzTest
    void decodeRequestStub(byte[] data) {
        Bytes stub = Bytes.of(data);
        for (TransferSyntax syntax : TransferSyntax.values()) {
            try {
                Bytes message = NdrCodec.decodeRequestStub(syntax, stub);
                assertThat(message.length()).isGreaterThanOrEqualTo(NdrCodec.MIN_MESSAGE_LENGTH);
                assertThat(NdrCodec.decodeRequestStub(syntax, NdrCodec.encodeRequestStub(syntax, message)))
                        .isEqualTo(message);
            } catch (MalformedWireException expected) {
                // refused: the host answers 0x8007000D
            }
        }
    }

    @FuzzTest
    void decodeResponseStub(byte[] data) {
        Bytes stub = Bytes.of(data);
        for (TransferSyntax syntax : TransferSyntax.values()) {
            try {
                ResponseStub result = NdrCodec.decodeResponseStub(syntax, stub);
                if (result.message().isEmpty()) {
                    assertThat(NdrCodec.encodeErrorStub(syntax, result.returnValue())).isEqualTo(stub);
                } else if (result.returnValue() == 0) {
                    assertThat(NdrCodec.encodeResponseStub(syntax, result.message().get())).isEqualTo(stub);
                }
            } catch (MalformedWireException expected) {
                // refused: the client reports a malformed answer
            }
        }
    }
}
