package io.jkms.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.jkms.wire.Bytes;
import org.junit.jupiter.api.Test;

class ResponsePduTest {

    @Test
    void holdsItsFieldsAndComparesTheStubByContent() {
        ResponsePdu r = new ResponsePdu(3, 2, 4, 1, 0, Bytes.fromHex("01020304"));
        assertThat(r.type()).isEqualTo(PduType.RESPONSE);
        assertThat(r).isEqualTo(new ResponsePdu(3, 2, 4, 1, 0, Bytes.fromHex("01020304")));
        assertThat(r).isNotEqualTo(new ResponsePdu(3, 2, 4, 1, 0, Bytes.fromHex("01020305")));
    }

    @Test
    void wireWidthsAreChecked() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ResponsePdu(256, 2, 0, 0, 0, Bytes.EMPTY))
                .withMessageContaining("flags");
        assertThatIllegalArgumentException().isThrownBy(() -> new ResponsePdu(3, 2, 1L << 32, 0, 0, Bytes.EMPTY))
                .withMessageContaining("allocHint");
        assertThatIllegalArgumentException().isThrownBy(() -> new ResponsePdu(3, 2, 0, -1, 0, Bytes.EMPTY))
                .withMessageContaining("contextId");
        assertThatIllegalArgumentException().isThrownBy(() -> new ResponsePdu(3, 2, 0, 0, 256, Bytes.EMPTY))
                .withMessageContaining("cancelCount");
        assertThatNullPointerException().isThrownBy(() -> new ResponsePdu(3, 2, 0, 0, 0, null));
    }
}
