package io.jkms.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jkms.wire.Bytes;
import io.jkms.wire.MalformedWireException;

/**
 * Jazzer: the input is a client's TCP stream, framed by {@code frag_length} as the host does, and fed fragment by
 * fragment into one {@link RpcSession}. Seeds are the captured client streams. Nothing may escape, and every
 * reply must encode and decode back to itself, within the negotiated fragment size.
 */
class RpcSessionFuzzTest {
    private static final Bytes KMS_RESPONSE = Bytes.zeros(266);

    @FuzzTest
    void session(byte[] stream) {
        RpcSession session = new RpcSession(RpcSettings.defaults(), "1688", 0x1234, request ->
                request.get(0) == 0 ? OperationReply.success(KMS_RESPONSE) : OperationReply.error(0xC004F042));
        int offset = 0;
        while (stream.length - offset >= PduCodec.HEADER_LENGTH) {
            int length;
            try {
                length = PduCodec.fragLength(stream, offset);
            } catch (MalformedWireException e) {
                return;
            }
            if (length > stream.length - offset) {
                return;
            }
            SessionReply reply = session.onFragment(Bytes.of(stream, offset, length));
            for (Pdu pdu : reply.replies()) {
                Bytes encoded = PduCodec.encode(pdu);
                assertThat(PduCodec.decode(encoded)).isEqualTo(pdu);
                assertThat(encoded.length()).isLessThanOrEqualTo(RpcSettings.defaults().maxFragLength());
            }
            if (reply.close()) {
                assertThat(session.onFragment(Bytes.of(stream, offset, length)).close()).isTrue();
                return;
            }
            offset += length;
        }
    }
}
