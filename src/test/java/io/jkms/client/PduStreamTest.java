package io.jkms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jkms.rpc.FaultPdu;
import io.jkms.rpc.Pdu;
import io.jkms.rpc.PduCodec;
import io.jkms.rpc.RpcFaultException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** The client's framing: the same frag_length rule as the host's, and a typed error for a bad one. */
class PduStreamTest {
    private static final Pdu FAULT = new FaultPdu(0x23, 2, 32, 0, 0, RpcFaultException.NCA_UNK_IF);

    private static PduStream of(byte[] bytes) {
        return new PduStream(new ByteArrayInputStream(bytes), new ByteArrayOutputStream());
    }

    @Test
    void fragmentsBackToBackAreReadOneByOne() throws Exception {
        byte[] one = PduCodec.encode(FAULT).toArray();
        byte[] two = new byte[2 * one.length];
        System.arraycopy(one, 0, two, 0, one.length);
        System.arraycopy(one, 0, two, one.length, one.length);
        PduStream stream = of(two);
        assertThat(stream.read("testing")).isEqualTo(FAULT);
        assertThat(stream.read("testing")).isEqualTo(FAULT);
    }

    @Test
    void aFragLengthShorterThanTheHeaderIsAnRpcErrorNotAnEscapedException() {
        byte[] header = PduCodec.encode(FAULT).toArray();
        header[8] = 15;
        assertThatThrownBy(() -> of(header).read("reading the answer")).isInstanceOf(ClientException.class)
                .hasMessageContaining("frag_length 15").hasMessageContaining("reading the answer");
    }

    @Test
    void aBigEndianFragmentIsFramedByItsLengthThenRefused() {
        byte[] bigEndian = PduCodec.encode(FAULT).toArray();
        bigEndian[4] = 0x00;
        bigEndian[8] = 0x00;
        bigEndian[9] = 32;
        assertThatThrownBy(() -> of(bigEndian).read("reading")).isInstanceOf(ClientException.class)
                .hasMessageContaining("packed_drep");
    }
}
