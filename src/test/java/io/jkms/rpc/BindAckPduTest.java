package io.jkms.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BindAckPduTest {
    static BindAckPdu ack(PduType type, String secondary, List<ContextResult> results) {
        return new BindAckPdu(type, 0x13, 2, 5840, 5840, 0x1063BF3FL, secondary, results);
    }

    @Test
    void answersABindOrAnAlterContext() {
        assertThat(ack(PduType.BIND_ACK, "1688", List.of(ContextResult.accept(Syntaxes.NDR32))).type())
                .isEqualTo(PduType.BIND_ACK);
        assertThat(ack(PduType.ALTER_CONTEXT_RESP, "", List.of()).type()).isEqualTo(PduType.ALTER_CONTEXT_RESP);
        assertThatIllegalArgumentException().isThrownBy(() -> ack(PduType.BIND, "1688", List.of()))
                .withMessage("not a bind answer type: BIND");
    }

    @Test
    void theSecondaryAddressIsPrintableAsciiUpTo254Characters() {
        assertThat(ack(PduType.BIND_ACK, "~".repeat(254), List.of()).secondaryAddress()).hasSize(254);
        for (String bad : new String[] {"~".repeat(255), "16\u00008", "port\n", "p\u00e9rt"}) {
            assertThatIllegalArgumentException().isThrownBy(() -> ack(PduType.BIND_ACK, bad, List.of()))
                    .withMessageContaining("secondary address");
        }
    }

    @Test
    void atMost255ResultsAndTheListIsCopied() {
        List<ContextResult> many = Collections.nCopies(255, ContextResult.reject(2));
        assertThat(ack(PduType.BIND_ACK, "", many).results()).hasSize(255);
        assertThatIllegalArgumentException().isThrownBy(() -> ack(PduType.BIND_ACK, "",
                Collections.nCopies(256, ContextResult.reject(2)))).withMessageContaining("n_results");
        List<ContextResult> mutable = new java.util.ArrayList<>(List.of(ContextResult.accept(Syntaxes.NDR64)));
        BindAckPdu pdu = ack(PduType.BIND_ACK, "", mutable);
        mutable.clear();
        assertThat(pdu.results()).hasSize(1);
    }

    @Test
    void fragmentSizesAreU16AndTheAssociationGroupU32() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BindAckPdu(PduType.BIND_ACK, 3, 2, 0x10000, 5840, 0,
                "", List.of())).withMessageContaining("maxXmitFrag");
        assertThatIllegalArgumentException().isThrownBy(() -> new BindAckPdu(PduType.BIND_ACK, 3, 2, 5840, -1, 0,
                "", List.of())).withMessageContaining("maxRecvFrag");
        assertThatIllegalArgumentException().isThrownBy(() -> new BindAckPdu(PduType.BIND_ACK, 3, 2, 5840, 5840,
                1L << 32, "", List.of())).withMessageContaining("assocGroupId");
    }
}
