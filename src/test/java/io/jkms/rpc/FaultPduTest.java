package io.jkms.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class FaultPduTest {

    @Test
    void carriesAU32Status() {
        FaultPdu f = new FaultPdu(0x23, 2, 32, 0, 0, RpcFaultException.NCA_PROTO_ERROR);
        assertThat(f.type()).isEqualTo(PduType.FAULT);
        assertThat(f.status()).isEqualTo(0x1C01000BL);
        assertThat(new FaultPdu(3, 2, 0, 0, 0, 0xFFFF_FFFFL).status()).isEqualTo(0xFFFF_FFFFL);
        assertThatIllegalArgumentException().isThrownBy(() -> new FaultPdu(3, 2, 0, 0, 0, 1L << 32))
                .withMessageContaining("status");
    }

    @Test
    void wireWidthsAreChecked() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FaultPdu(-1, 2, 0, 0, 0, 0))
                .withMessageContaining("flags");
        assertThatIllegalArgumentException().isThrownBy(() -> new FaultPdu(3, 2, -1, 0, 0, 0))
                .withMessageContaining("allocHint");
        assertThatIllegalArgumentException().isThrownBy(() -> new FaultPdu(3, 2, 0, 0x10000, 0, 0))
                .withMessageContaining("contextId");
        assertThatIllegalArgumentException().isThrownBy(() -> new FaultPdu(3, 2, 0, 0, -1, 0))
                .withMessageContaining("cancelCount");
    }
}
