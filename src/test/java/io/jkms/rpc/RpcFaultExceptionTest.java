package io.jkms.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class RpcFaultExceptionTest {

    @Test
    void carriesTheNcaStatusForTheFaultPdu() {
        RpcFaultException e = new RpcFaultException(RpcFaultException.NCA_OP_RNG_ERROR);
        assertThat(e.status()).isEqualTo(0x1C010002L);
        assertThat(e).hasMessage("RPC fault 0x1C010002");
        assertThat(new RpcFaultException(0xFFFF_FFFFL)).hasMessage("RPC fault 0xFFFFFFFF");
    }

    @Test
    void aStatusOutsideU32IsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RpcFaultException(-1))
                .withMessageContaining("status out of u32 range");
        assertThatIllegalArgumentException().isThrownBy(() -> new RpcFaultException(1L << 32));
    }
}
