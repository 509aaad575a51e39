package io.jkms.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.rpc.RpcFaultException;
import org.junit.jupiter.api.Test;

class RpcFaultReceivedExceptionTest {

    @Test
    void theReceivedFaultNamesStatusAndCall() {
        RpcFaultReceivedException e = new RpcFaultReceivedException(RpcFaultException.NCA_UNK_IF, 7);
        assertThat(e.status()).isEqualTo(0x1C010003L);
        assertThat(e.callId()).isEqualTo(7);
        assertThat(e).hasMessage("host answered with RPC fault 0x1C010003 (call_id 7)");
    }

    @Test
    void theStatusIsKeptAsReceived() {
        RpcFaultReceivedException e = new RpcFaultReceivedException(0xFFFF_FFFFL, -1);
        assertThat(e.status()).isEqualTo(0xFFFF_FFFFL);
        assertThat(e).hasMessage("host answered with RPC fault 0xFFFFFFFF (call_id -1)");
    }
}
