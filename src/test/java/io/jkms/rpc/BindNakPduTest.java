package io.jkms.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BindNakPduTest {

    @Test
    void carriesTheReasonAndTheVersionsOffered() {
        BindNakPdu nak = new BindNakPdu(Pdu.PFC_FIRST_AND_LAST, 2, BindNakPdu.REASON_PROTOCOL_VERSION_NOT_SUPPORTED,
                List.of(BindNakPdu.VERSION_5_0));

        assertThat(nak.type()).isEqualTo(PduType.BIND_NAK);
        assertThat(nak.rejectReason()).isEqualTo(4);
        assertThat(nak.versions()).containsExactly(0x0500);
    }

    @Test
    void theReasonAndEachVersionAreU16AndAtMost255Versions() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BindNakPdu(3, 2, 0x10000, List.of()))
                .withMessageContaining("rejectReason");
        assertThatIllegalArgumentException().isThrownBy(() -> new BindNakPdu(3, 2, 0, List.of(0x500, 0x10000)))
                .withMessageContaining("version");
        assertThatIllegalArgumentException().isThrownBy(() -> new BindNakPdu(3, 2, 0, Collections.nCopies(256, 0x500)))
                .withMessageContaining("n_protocols");
        assertThat(new BindNakPdu(3, 2, 0, Collections.nCopies(255, 0x500)).versions()).hasSize(255);
    }
}
