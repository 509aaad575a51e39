package io.jkms.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BindPduTest {
    static final ContextItem ITEM = ContextItem.of(0, Syntaxes.KMS_INTERFACE, Syntaxes.NDR32);

    @Test
    void isABindOrAnAlterContext() {
        assertThat(new BindPdu(PduType.ALTER_CONTEXT, 3, 2, 5840, 5840, 0, List.of(ITEM)).type())
                .isEqualTo(PduType.ALTER_CONTEXT);
        for (PduType other : new PduType[] {PduType.BIND_ACK, PduType.REQUEST, PduType.ALTER_CONTEXT_RESP}) {
            assertThatIllegalArgumentException().isThrownBy(() -> new BindPdu(other, 3, 2, 5840, 5840, 0, List.of()))
                    .withMessage("not a bind type: " + other);
        }
    }

    @Test
    void atMost255ItemsCopied() {
        assertThat(new BindPdu(PduType.BIND, 3, 2, 5840, 5840, 0, Collections.nCopies(255, ITEM)).items()).hasSize(255);
        assertThatIllegalArgumentException().isThrownBy(() -> new BindPdu(PduType.BIND, 3, 2, 5840, 5840, 0,
                Collections.nCopies(256, ITEM))).withMessageContaining("n_context_elem");
        List<ContextItem> mutable = new java.util.ArrayList<>(List.of(ITEM));
        BindPdu bind = new BindPdu(PduType.BIND, 3, 2, 5840, 5840, 0, mutable);
        mutable.add(ITEM);
        assertThat(bind.items()).hasSize(1);
    }

    @Test
    void wireWidthsAreChecked() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BindPdu(PduType.BIND, 256, 2, 5840, 5840, 0,
                List.of())).withMessageContaining("flags");
        assertThatIllegalArgumentException().isThrownBy(() -> new BindPdu(PduType.BIND, 3, 2, 65536, 5840, 0,
                List.of())).withMessageContaining("maxXmitFrag");
        assertThatIllegalArgumentException().isThrownBy(() -> new BindPdu(PduType.BIND, 3, 2, 5840, 5840, -1,
                List.of())).withMessageContaining("assocGroupId");
    }
}
